package io.mcpee.protocol;

import static java.util.Objects.requireNonNull;

/**
 * A request the server answers with a JSON-RPC error. The message is sent to the client as is, so it must never
 * carry anything internal (class names, SQL, stack traces).
 */
public class ProtocolException extends RuntimeException {
    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }
}
