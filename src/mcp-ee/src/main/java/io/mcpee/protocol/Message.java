package io.mcpee.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import static java.util.Objects.requireNonNull;

/** One JSON-RPC message received from a client. */
public sealed interface Message {

    /** A call that expects a response. */
    record Request(RequestId id, String method, JsonObject params) implements Message {
        public Request {
            requireNonNull(id, "id is null");
            requireNonNull(method, "method is null");
            requireNonNull(params, "params is null");
        }
    }

    /** A one-way message: the server answers it with 202 and no body. */
    record Notification(String method, JsonObject params) implements Message {
        public Notification {
            requireNonNull(method, "method is null");
            requireNonNull(params, "params is null");
        }
    }

    /** Something that is JSON but not a valid JSON-RPC message; answered with -32600 and the id if readable. */
    record Invalid(RequestId id, String error) implements Message {
        public Invalid {
            requireNonNull(id, "id is null");
            requireNonNull(error, "error is null");
        }
    }

    /**
     * A client's response to a request the server sent it (a tool call asking its client, in a session): its
     * {@code result}, or its {@code error} (a JSON-RPC error object); exactly one of them is non-null.
     */
    record Response(RequestId id, JsonValue result, JsonObject error) implements Message {
        public Response {
            requireNonNull(id, "id is null");
            if ((result == null) == (error == null)) {
                throw new IllegalArgumentException("a response has a result or an error");
            }
        }
    }
}
