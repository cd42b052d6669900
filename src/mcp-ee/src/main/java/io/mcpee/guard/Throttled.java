package io.mcpee.guard;

import io.mcpee.protocol.ErrorCode;
import io.mcpee.protocol.ProtocolException;

/**
 * A request refused by throttling. Thrown from inside the JSON-RPC dispatch (the {@link ThrottleGuard} around a
 * tool call, or the listing budget), it is turned into HTTP 429 with {@code Retry-After} by the MCP endpoint.
 * It is a {@link ProtocolException} so that any path that does not know it still answers a JSON-RPC error
 * ({@link ErrorCode#TOO_MANY_REQUESTS}), never a 500.
 */
public final class Throttled extends ProtocolException {
    private final long retryAfterSeconds;

    public Throttled(long retryAfterSeconds) {
        super(ErrorCode.TOO_MANY_REQUESTS, "Too many requests: retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds, at least 1: the {@code Retry-After} header and the error's {@code data.retryAfter}. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
