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
        AuditRecord.Actor actor = record.actor();
        AuditRecord.Act act = record.act();
        AuditRecord.Ending ending = record.ending();
        AuditRecord.Origin origin = record.origin();
        StringBuilder out = new StringBuilder(256 + act.arguments().length());
        out.append("{\"event\":\"").append(act.channel().event()).append('"');
        if (record.id() != null) {
            out.append(",\"id\":").append(record.id());
        }
        field(out, "timestamp", record.occurredAt().toString());
        field(out, "user", actor.principal());
        field(out, "credentialKind", actor.credentialKind());
        field(out, "credentialId", actor.credentialId());
        field(out, "credentialName", actor.credentialName());
        field(out, "tool", act.name());
        field(out, "target", act.target());
        field(out, "httpMethod", act.httpMethod());
        field(out, "path", act.path());
        // already JSON (redacted): embedded as it is
        out.append(",\"arguments\":").append(act.arguments());
        field(out, "outcome", ending.outcome().name());
        out.append(",\"status\":").append(ending.status());
        field(out, "error", ending.errorMessage());
        out.append(",\"durationMs\":").append(ending.durationMs());
        field(out, "clientIp", origin.clientIp());
        field(out, "sessionId", origin.sessionId());
        field(out, "requestId", origin.requestId());
        field(out, "clientName", origin.clientName());
        field(out, "clientVersion", origin.clientVersion());
        return out.append(",\"stored\":").append(stored).append('}').toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value != null) {
            JsonText.quote(out.append(",\"").append(name).append("\":"), value);
        }
    }
}
