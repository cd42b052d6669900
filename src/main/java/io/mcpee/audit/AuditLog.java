package io.mcpee.audit;

import io.mcpee.protocol.JsonText;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every audit entry as one JSON line to the java.util.logging logger {@code mcpee.audit} (level INFO), for
 * shipping to a SIEM: route that logger to a file or syslog handler of the server. {@code stored} says whether the
 * entry reached the database; a line with {@code stored: false} belongs to a call that was refused for it.
 * The entries hold redacted data only, so the lines carry no secret.
 */
final class AuditLog {
    static final Logger LOG = Logger.getLogger("mcpee.audit");

    private AuditLog() {
    }

    static void writeUnauthenticated(Instant periodStart, Instant periodEnd, String clientIp, long requests) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.info(JsonText.BUILDERS.createObjectBuilder().add("event", "unauthenticated")
                    .add("periodStart", periodStart.toString()).add("periodEnd", periodEnd.toString())
                    .add("clientIp", clientIp).add("requests", requests).build().toString());
        }
    }

    static String line(AuditRecord record, boolean stored) {
        StringBuilder out = new StringBuilder(256 + record.arguments().length());
        out.append("{\"event\":\"tools/call\"");
        if (record.id() != null) {
            out.append(",\"id\":").append(record.id());
        }
        field(out, "timestamp", record.occurredAt().toString());
        field(out, "user", record.principal());
        field(out, "credentialKind", record.credentialKind());
        field(out, "credentialId", record.credentialId());
        field(out, "credentialName", record.credentialName());
        field(out, "tool", record.toolName());
        field(out, "target", record.target());
        // already JSON (redacted): embedded as it is
        out.append(",\"arguments\":").append(record.arguments());
        field(out, "outcome", record.outcome().name());
        out.append(",\"status\":").append(record.status());
        field(out, "error", record.errorMessage());
        out.append(",\"durationMs\":").append(record.durationMs());
        field(out, "clientIp", record.clientIp());
        field(out, "sessionId", record.sessionId());
        field(out, "requestId", record.requestId());
        field(out, "clientName", record.clientName());
        field(out, "clientVersion", record.clientVersion());
        return out.append(",\"stored\":").append(stored).append('}').toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value != null) {
            JsonText.quote(out.append(",\"").append(name).append("\":"), value);
        }
    }
}
