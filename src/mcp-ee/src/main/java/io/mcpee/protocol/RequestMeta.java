package io.mcpee.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What a 2026-07-28 request says about its client in {@code params._meta}: the revision it speaks and the
 * capabilities it has (both required), and who it is (optional). Nothing is carried over
 * from one request to the next: the revision has no sessions, and capabilities are never inferred from earlier
 * requests.
 */
public record RequestMeta(String protocolVersion, JsonObject clientCapabilities, String clientName,
                          String clientVersion) {
    public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";

    /** The request's {@code _meta}, if it has one at all: what tells a 2026-07-28 request from an older one. */
    public static JsonObject of(JsonObject params) {
        return params.get("_meta") instanceof JsonObject meta ? meta : null;
    }

    /**
     * Reads the request's {@code _meta}.
     *
     * @throws ProtocolException -32602 when a required member is missing or of the wrong type
     */
    public static RequestMeta read(JsonObject params) {
        JsonValue meta = params.get("_meta");
        if (!(meta instanceof JsonObject object)) {
            throw invalid("\"_meta\" is required and must be an object");
        }
        if (!(object.get(PROTOCOL_VERSION) instanceof JsonString version)) {
            throw invalid("_meta \"" + PROTOCOL_VERSION + "\" is required and must be a string");
        }
        if (!(object.get(CLIENT_CAPABILITIES) instanceof JsonObject capabilities)) {
            throw invalid("_meta \"" + CLIENT_CAPABILITIES + "\" is required and must be an object");
        }
        // optional, and only for the record: a client without it is served all the same
        JsonObject info = object.get(CLIENT_INFO) instanceof JsonObject given ? given : JsonValue.EMPTY_JSON_OBJECT;
        return new RequestMeta(version.getString(), capabilities, text(info, "name"), text(info, "version"));
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : null;
    }

    private static ProtocolException invalid(String problem) {
        return new ProtocolException(ErrorCode.INVALID_PARAMS, "Invalid params: " + problem);
    }
}
