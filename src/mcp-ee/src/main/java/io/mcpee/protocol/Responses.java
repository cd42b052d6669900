package io.mcpee.protocol;

/** Writes JSON-RPC response objects. */
public final class Responses {

    private Responses() {
    }

    public static String result(RequestId id, String resultJson) {
        return new StringBuilder(resultJson.length() + 40).append("{\"jsonrpc\":\"2.0\",\"id\":").append(id.toJson())
                .append(",\"result\":").append(resultJson).append('}').toString();
    }

    /** A response to {@code tools/call}, written into one buffer. */
    public static String result(RequestId id, CallToolResult result) {
        StringBuilder out = new StringBuilder(256).append("{\"jsonrpc\":\"2.0\",\"id\":").append(id.toJson())
                .append(",\"result\":");
        return result.writeJson(out).append('}').toString();
    }

    /** An error with a {@code data} member, given as JSON text. */
    public static String error(RequestId id, ErrorCode code, String message, String dataJson) {
        StringBuilder out = new StringBuilder(112 + message.length() + dataJson.length())
                .append("{\"jsonrpc\":\"2.0\",\"id\":").append(id.toJson()).append(",\"error\":{\"code\":")
                .append(code.code()).append(",\"message\":");
        return JsonText.quote(out, message).append(",\"data\":").append(dataJson).append("}}").toString();
    }

    /**
     * An error of a 2026-07-28 request: as {@link #error(RequestId, ErrorCode, String, String)}, but without an
     * {@code id} member when the request's id could not be read (that revision allows no null id), and with
     * {@code data} only when there is some.
     */
    public static String statelessError(RequestId id, ErrorCode code, String message, String dataJson) {
        StringBuilder out = new StringBuilder(112 + message.length()).append("{\"jsonrpc\":\"2.0\",");
        if (!id.equals(RequestId.NULL)) {
            out.append("\"id\":").append(id.toJson()).append(',');
        }
        JsonText.quote(out.append("\"error\":{\"code\":").append(code.code()).append(",\"message\":"), message);
        if (dataJson != null) {
            out.append(",\"data\":").append(dataJson);
        }
        return out.append("}}").toString();
    }

    /**
     * A result object with more members at its front: {@code members} is JSON text of object members without
     * braces, e.g. {@code "resultType":"complete"}.
     */
    public static String withMembers(String resultJson, String members) {
        if (resultJson.length() < 2 || resultJson.charAt(0) != '{') {
            throw new IllegalArgumentException("not a JSON object");
        }
        boolean empty = resultJson.substring(1).strip().equals("}");
        return "{" + members + (empty ? "}" : "," + resultJson.substring(1));
    }

    public static String error(RequestId id, ErrorCode code, String message) {
        StringBuilder out = new StringBuilder(96 + message.length()).append("{\"jsonrpc\":\"2.0\",\"id\":")
                .append(id.toJson()).append(",\"error\":{\"code\":").append(code.code()).append(",\"message\":");
        return JsonText.quote(out, message).append("}}").toString();
    }
}
