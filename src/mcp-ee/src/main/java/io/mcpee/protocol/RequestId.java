package io.mcpee.protocol;

import jakarta.json.JsonValue;

import static java.util.Objects.requireNonNull;

/** A JSON-RPC request id: a string or a number, echoed back exactly as received. */
public record RequestId(JsonValue value) {
    /** The id of an error response to a request whose id could not be read. */
    public static final RequestId NULL = new RequestId(JsonValue.NULL);

    public RequestId {
        requireNonNull(value, "value is null");
        switch (value.getValueType()) {
            case STRING, NUMBER, NULL -> {
            }
            default -> throw new ProtocolException(ErrorCode.INVALID_REQUEST, "id must be a string or a number");
        }
    }

    public String toJson() {
        return value.toString();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
