package io.mcpee.transport;

import io.mcpee.protocol.ErrorCode;
import io.mcpee.protocol.JsonText;
import io.mcpee.protocol.Message;
import io.mcpee.protocol.ProtocolException;
import io.mcpee.protocol.ProtocolVersion;
import io.mcpee.protocol.RequestMeta;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * Which revision a POST speaks, and the checks a 2026-07-28 request passes before it is dispatched.
 * <p>
 * A request is 2026-07-28's when it belongs to no session and says so: its {@code MCP-Protocol-Version} header
 * names a revision without sessions, or its {@code _meta} names a protocol version. Anything else — above all an
 * {@code initialize} and the requests of an open session — keeps the older revisions' rules, so the clients that
 * still {@code initialize} are served as before.
 * <p>
 * The checks run in the order the specification's rules depend on each other: the version header is there; the
 * {@code _meta} members every request must carry are there; the header agrees with {@code _meta}; the revision is
 * served; {@code Mcp-Method}, and for {@code tools/call} {@code Mcp-Name}, agree with the body.
 */
final class StatelessRequests {
    static final String METHOD_HEADER = "Mcp-Method";
    static final String NAME_HEADER = "Mcp-Name";
    private static final String BASE64_START = "=?base64?";
    private static final String BASE64_END = "?=";

    private StatelessRequests() {
    }

    /** Whether the POST is a 2026-07-28 request (see the class comment); {@code first} is its first message. */
    static boolean applies(String sessionHeader, String versionHeader, Message first) {
        if (sessionHeader != null && !sessionHeader.isBlank()) {
            return false;
        }
        if (versionHeader != null && !ProtocolVersion.hasSessions(versionHeader.strip())) {
            return true;
        }
        JsonObject params = first instanceof Message.Request request ? request.params()
                : first instanceof Message.Notification notification ? notification.params() : null;
        JsonObject meta = params == null ? null : RequestMeta.of(params);
        return meta != null && meta.containsKey(RequestMeta.PROTOCOL_VERSION);
    }

    /**
     * Checks the request's headers and {@code _meta} against each other and against the revisions served.
     *
     * @param header the request's header of a name (names are case-insensitive), or null
     * @throws ProtocolException -32020 (a header missing or disagreeing), -32602 ({@code _meta} incomplete) or
     *                           -32022 (a revision not served, with the supported ones in {@code data}); each is
     *                           answered with HTTP 400
     */
    static RequestMeta check(UnaryOperator<String> header, Message.Request request) {
        String version = header.apply(McpEndpoint.VERSION_HEADER);
        if (version == null) {
            throw mismatch("the MCP-Protocol-Version header is required");
        }
        RequestMeta meta = RequestMeta.read(request.params());
        if (!version.strip().equals(meta.protocolVersion())) {
            throw mismatch("the MCP-Protocol-Version header does not match _meta \""
                    + RequestMeta.PROTOCOL_VERSION + "\"");
        }
        if (!ProtocolVersion.STATELESS.equals(meta.protocolVersion())) {
            throw unsupported(meta.protocolVersion());
        }
        String method = header.apply(METHOD_HEADER);
        if (method == null || !method.strip().equals(request.method())) {
            throw mismatch(method == null ? "the Mcp-Method header is required"
                    : "the Mcp-Method header does not match the request's method");
        }
        if (request.method().equals("tools/call") && request.params().get("name") instanceof JsonString name) {
            String named = header.apply(NAME_HEADER);
            if (named == null || !name.getString().equals(decoded(named.strip()))) {
                throw mismatch(named == null ? "the Mcp-Name header is required for tools/call"
                        : "the Mcp-Name header does not match the tool's name");
            }
        }
        return meta;
    }

    /**
     * A header value as the client meant it: {@code =?base64?...?=} wraps a value that is not plain ASCII; anything
     * else is literal.
     */
    static String decoded(String value) {
        if (!value.startsWith(BASE64_START) || !value.endsWith(BASE64_END)
                || value.length() < BASE64_START.length() + BASE64_END.length()) {
            return value;
        }
        String encoded = value.substring(BASE64_START.length(), value.length() - BASE64_END.length());
        // padded, as the specification writes it: Java's decoder would accept a value without its padding
        if (encoded.length() % 4 != 0) {
            throw mismatch("the header's base64 value is not valid");
        }
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw mismatch("the header's base64 value is not valid");
        }
    }

    private static ProtocolException unsupported(String requested) {
        var data = JsonText.BUILDERS.createObjectBuilder()
                .add("supported", JsonText.BUILDERS.createArrayBuilder(ProtocolVersion.SERVED))
                .add("requested", requested).build();
        return new ProtocolException(ErrorCode.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version; "
                + "supported: " + String.join(", ", ProtocolVersion.SERVED), data.toString());
    }

    private static ProtocolException mismatch(String problem) {
        return new ProtocolException(ErrorCode.HEADER_MISMATCH, "Header mismatch: " + problem);
    }
}
