package io.mcpee.audit;

import io.mcpee.tools.Outcome;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * An audit entry as a value: what the guard records, the JSON line {@code mcpee.audit} gets, and what the audit
 * API shows. {@code id} is null until stored. {@code arguments} is JSON text, already redacted; {@code requestId}
 * the JSON-RPC id's value as text ({@code 7} for the number and for the string alike).
 */
record AuditRecord(Long id, Instant occurredAt, String principal, String credentialKind, String credentialId,
                   String credentialName, String toolName, String target, String arguments, Outcome outcome,
                   int status, String errorMessage, long durationMs, String clientIp, String sessionId,
                   String requestId, String clientName, String clientVersion) {

    AuditRecord {
        requireNonNull(occurredAt, "occurredAt is null");
        requireNonNull(principal, "principal is null");
        requireNonNull(credentialKind, "credentialKind is null");
        requireNonNull(toolName, "toolName is null");
        requireNonNull(arguments, "arguments is null");
        requireNonNull(outcome, "outcome is null");
    }

    /** The same call, recorded instead as failed with this status and message (when its own entry was refused). */
    AuditRecord failed(int newStatus, String message) {
        return endedAs(Outcome.ERROR, newStatus, message);
    }

    /** The same call, ended otherwise than its resource method returned. */
    AuditRecord endedAs(Outcome newOutcome, int newStatus, String message) {
        return new AuditRecord(null, occurredAt, principal, credentialKind, credentialId, credentialName, toolName,
                target, arguments, newOutcome, newStatus, message, durationMs, clientIp, sessionId, requestId,
                clientName, clientVersion);
    }
}
