package io.mcpee.tokens;

/** A token request that cannot be honoured; the message is written for the caller. */
public class TokenException extends RuntimeException {
    private final int status;

    TokenException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
