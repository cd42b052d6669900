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

    public static String error(RequestId id, ErrorCode code, String message) {
        StringBuilder out = new StringBuilder(96 + message.length()).append("{\"jsonrpc\":\"2.0\",\"id\":")
                .append(id.toJson()).append(",\"error\":{\"code\":").append(code.code()).append(",\"message\":");
        return JsonText.quote(out, message).append("}}").toString();
    }
}
