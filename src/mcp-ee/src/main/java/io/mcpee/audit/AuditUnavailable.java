package io.mcpee.audit;

/**
 * An audit entry could not be written. The call it belongs to must not take effect (fail closed). The message
 * and cause are for the server log: the cause may name SQL, never secrets (entries hold redacted data only).
 */
class AuditUnavailable extends RuntimeException {
    AuditUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
