package io.mcpee.protocol;

import static java.util.Objects.requireNonNull;

/**
 * A request the server answers with a JSON-RPC error. The message is sent to the client as is, so it must never
 * carry anything internal (class names, SQL, stack traces).
 */
public class ProtocolException extends RuntimeException {
    private final ErrorCode code;
    private final String dataJson;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** An error whose {@code data} member the client needs, e.g. the supported versions; given as JSON text. */
    public ProtocolException(ErrorCode code, String message, String dataJson) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.code = requireNonNull(code, "code is null");
        this.dataJson = dataJson;
    }

    /** The error's {@code data} as JSON text, or null when it has none. */
    public String dataJson() {
        return dataJson;
    }

    public ErrorCode code() {
        return code;
    }
}
