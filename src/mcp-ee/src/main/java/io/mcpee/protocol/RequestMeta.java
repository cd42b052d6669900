package io.mcpee.protocol;

import io.mcpee.api.LogLevel;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What a 2026-07-28 request says about its client in {@code params._meta}: the revision it speaks and the
 * capabilities it has (both required), who it is and the least severe log message it wants (both optional). Nothing is carried over
 * from one request to the next: the revision has no sessions, and capabilities are never inferred from earlier
 * requests.
 */
public record RequestMeta(String protocolVersion, JsonObject clientCapabilities, String clientName,
                          String clientVersion, LogLevel logLevel) {
    public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    public static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";

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
        LogLevel logLevel = null;
        if (object.containsKey(LOG_LEVEL)) {
            try {
                logLevel = LogLevel.of(text(object, LOG_LEVEL));
            } catch (IllegalArgumentException e) {
                throw invalid("_meta \"" + LOG_LEVEL + "\": " + e.getMessage());
            }
        }
        return new RequestMeta(version.getString(), capabilities, text(info, "name"), text(info, "version"),
                logLevel);
    }

    /**
     * The request's {@code _meta.progressToken} (every revision puts it there), or null when it asks for no
     * progress or gives a token that is neither a string nor a number.
     */
    public static JsonValue progressToken(JsonObject params) {
        JsonObject meta = of(params);
        JsonValue token = meta == null ? null : meta.get("progressToken");
        return token != null && (token.getValueType() == JsonValue.ValueType.STRING
                || token.getValueType() == JsonValue.ValueType.NUMBER) ? token : null;
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : null;
    }

    private static ProtocolException invalid(String problem) {
        return new ProtocolException(ErrorCode.INVALID_PARAMS, "Invalid params: " + problem);
    }
}
