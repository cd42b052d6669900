package io.mcpee.protocol;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/** Reads a POST body into JSON-RPC messages, rejecting whatever JSON-RPC 2.0 does not allow. */
public final class MessageParser {

    private MessageParser() {
    }

    /** A POST body: one message, or a batch of them. */
    public record Envelope(List<Message> messages, boolean batch) {
        public Envelope {
            messages = List.copyOf(messages);
        }
    }

    public static Envelope parse(String body) {
        JsonValue json;
        try {
            json = JsonText.parse(body);
        } catch (JsonException | IllegalStateException e) {
            throw new ProtocolException(ErrorCode.PARSE_ERROR, "Parse error: the body is not one valid JSON value, "
                    + "or it nests too deeply or holds too long a number");
        }
        if (json.getValueType() == JsonValue.ValueType.ARRAY) {
            var array = json.asJsonArray();
            if (array.isEmpty()) {
                throw new ProtocolException(ErrorCode.INVALID_REQUEST, "Invalid request: empty batch");
            }
            List<Message> messages = new ArrayList<>(array.size());
            for (JsonValue element : array) {
                messages.add(readMessage(element));
            }
            return new Envelope(messages, true);
        }
        return new Envelope(List.of(readMessage(json)), false);
    }

    private static Message readMessage(JsonValue json) {
        try {
            return message(json);
        } catch (ProtocolException e) {
            return new Message.Invalid(idOf(json), e.getMessage());
        }
    }

    static Message message(JsonValue json) {
        if (json.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "Invalid request: a message must be a JSON object");
        }
        JsonObject object = json.asJsonObject();
        if (!"2.0".equals(stringMember(object, "jsonrpc"))) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "Invalid request: \"jsonrpc\" must be \"2.0\"");
        }
        JsonValue id = object.get("id");
        JsonValue method = object.get("method");
        if (method == null) {
            if (id != null && object.containsKey("result") != object.containsKey("error")) {
                if (object.containsKey("error") && !(object.get("error") instanceof JsonObject)) {
                    throw new ProtocolException(ErrorCode.INVALID_REQUEST,
                            "Invalid request: a response's \"error\" must be an object");
                }
                return new Message.Response(new RequestId(id), object.get("result"),
                        object.get("error") instanceof JsonObject error ? error : null);
            }
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "Invalid request: \"method\" is missing");
        }
        if (method.getValueType() != JsonValue.ValueType.STRING) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "Invalid request: \"method\" must be a string");
        }
        String name = object.getString("method");
        JsonObject params = params(object.get("params"));
        if (id == null) {
            return new Message.Notification(name, params);
        }
        if (id.getValueType() == JsonValue.ValueType.NULL) {
            // MCP forbids null ids on requests
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "Invalid request: \"id\" must not be null");
        }
        return new Message.Request(new RequestId(id), name, params);
    }

    private static JsonObject params(JsonValue params) {
        if (params == null || params.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (params.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "Invalid request: \"params\" must be an object");
        }
        return params.asJsonObject();
    }

    private static String stringMember(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? object.getString(name) : null;
    }

    /** The id of a message that failed validation, if one can be read, for the error response. */
    public static RequestId idOf(JsonValue json) {
        if (json instanceof JsonObject object) {
            JsonValue id = object.get("id");
            if (id != null) {
                switch (id.getValueType()) {
                    case STRING, NUMBER -> {
                        return new RequestId(id);
                    }
                    default -> {
                    }
                }
            }
        }
        return RequestId.NULL;
    }
}
