package io.mcpee.protocol;

import jakarta.json.JsonObject;

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

    /** A client's response to a server-initiated request; this server sends none, so it is acknowledged only. */
    record Response(RequestId id) implements Message {
        public Response {
            requireNonNull(id, "id is null");
        }
    }
}
