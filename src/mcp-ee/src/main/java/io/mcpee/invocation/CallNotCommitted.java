package io.mcpee.invocation;

/** A tool call ended, but its transaction did not commit (the database, the application's deferred changes). */
public final class CallNotCommitted extends RuntimeException {
    CallNotCommitted(Throwable cause) {
        super("the call's transaction did not commit", cause);
    }
}
