package io.mcpee.rest;

/**
 * The application let an exception out of an agent's REST request: carried through the guards (the transaction rolls
 * back, the audit records the error) and thrown on to the container as it came, for the application's error page.
 */
final class RestRequestFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RestRequestFailed(Exception cause) {
        super(cause.getMessage(), cause, false, false);
    }
}
