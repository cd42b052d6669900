package io.mcpee.audit;

/**
 * An exception that refuses a request with an HTTP status and a message written for the caller; the audit records
 * it with that status and message.
 */
public interface Refusal {
    int status();

    String getMessage();
}
