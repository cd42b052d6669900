package io.mcpee.persistence;

/**
 * The database cannot be reached (or did not answer in time), so the request cannot be carried out — not even
 * recorded, which for an agent's action means it must not be carried out. Answered 503 with {@code Retry-After};
 * its message is for the client and names nothing of the server. No stack trace: the cause was logged, once per
 * interval, by {@link DatabaseHealth}.
 */
public class DatabaseUnavailable extends RuntimeException {
    private final long retryAfterSeconds;

    public DatabaseUnavailable(long retryAfterSeconds) {
        super("Service Unavailable: the database cannot be reached; retry after " + retryAfterSeconds + " s", null,
                false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
