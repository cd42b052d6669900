package io.mcpee.audit;

import io.mcpee.tools.Outcome;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * One {@code tools/call}, as the audit log keeps it: who (the user, the credential), what (tool, resource method,
 * arguments after redaction), how it ended (outcome, status, sanitised error), when and how long, and from where
 * (client address, MCP session, JSON-RPC request, client software). Written once, never changed; nothing in it
 * is secret, so it may be logged and shown to auditors as it is. The audit API and the purge read it through JPA;
 * {@link AuditStore} inserts it with one JDBC statement (see there why).
 */
@Entity
@Cacheable(false)
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false)
    private String principal;

    @Column(name = "credential_kind", nullable = false)
    private String credentialKind;

    @Column(name = "credential_id")
    private String credentialId;

    @Column(name = "credential_name")
    private String credentialName;

    @Column(name = "tool_name", nullable = false)
    private String toolName;

    private String target;

    @Column(nullable = false)
    private String arguments;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    @Column(nullable = false)
    private int status;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @Column(name = "client_ip")
    private String clientIp;

    @Column(name = "session_id")
    private String sessionId;

    @Column(name = "request_id")
    private String requestId;

    @Column(name = "client_name")
    private String clientName;

    @Column(name = "client_version")
    private String clientVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "http_method")
    private String httpMethod;

    private String path;

    /** For JPA. */
    protected AuditEntry() {
    }

    /** The stored entry as a value, with its id. */
    AuditRecord toRecord() {
        return new AuditRecord(id, occurredAt.toInstant(),
                new AuditRecord.Actor(principal, credentialKind, credentialId, credentialName),
                new AuditRecord.Act(channel, toolName, target, arguments, httpMethod, path),
                new AuditRecord.Ending(outcome, status, errorMessage, durationMs),
                new AuditRecord.Origin(clientIp, sessionId, requestId, clientName, clientVersion));
    }
}
