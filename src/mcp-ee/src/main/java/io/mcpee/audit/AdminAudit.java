package io.mcpee.audit;

import io.mcpee.log.Incident;
import io.mcpee.persistence.DatabaseHealth;
import io.mcpee.persistence.DatabaseUnavailable;
import io.mcpee.protocol.JsonText;
import io.mcpee.results.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Changes to agent credentials (tokens, token groups) through the admin API are audited as tool calls are: one
 * entry per request, whatever its outcome, committed with the change. The work runs in a transaction begun here,
 * which the token service joins, and the entry is written into it; if the entry cannot be written the change rolls
 * back and the caller gets 503 (fail closed). A refused request (its {@link Refusal} or
 * {@code WebApplicationException} status) changes nothing and is recorded alone, with its outcome by the same
 * status rule as tool calls.
 */
@ApplicationScoped
public class AdminAudit {
    private static final Logger LOG = Logger.getLogger(AdminAudit.class.getName());

    private final AuditStore store;
    private final AuditRecords records;
    private final AuditLogWriter lines;
    private final DatabaseHealth database;

    @Inject
    AdminAudit(AuditStore store, AuditRecords records, AuditLogWriter lines, DatabaseHealth database) {
        this.store = store;
        this.records = records;
        this.lines = lines;
        this.database = database;
    }

    /** For the CDI client proxy only. */
    protected AdminAudit() {
        this(null, null, null, null);
    }

    /** Runs {@code work}, which makes the change {@code action} describes, and records it with its outcome. */
    public <T> T record(AdminAction action, Supplier<T> work) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        store.begin();
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            store.rollback();
            int status = statusOf(e);
            String message = status == 500 ? "internal error" : e.getMessage();
            writeAlone(records.ofAdmin(action.name(), action.target(), action.arguments(), started,
                    System.nanoTime() - start, Outcome.of(status), status, message));
            throw e;
        }
        // the status the caller gets: a Response's own (201, 204), else 200
        int status = result instanceof Response response ? response.getStatus() : 200;
        AuditRecord record = records.ofAdmin(action.name(), action.target(), action.arguments(), started,
                System.nanoTime() - start, Outcome.of(status), status, null);
        try {
            if (!store.commitWith(record)) {
                // marked for rollback without a refusal: nothing took effect
                writeAlone(record.failed(500, "the change could not be committed"));
                throw failure(500, "the change could not be committed", null);
            }
        } catch (AuditUnavailable e) {
            lines.write(record, false);
            DatabaseUnavailable down = database.failed("audit", e);
            if (down != null) {
                throw failure(503, down.getMessage(), String.valueOf(down.retryAfterSeconds()));
            }
            Incident incident = Incident.log(LOG, "audit entry not written; admin action " + action.name()
                    + " was not carried out", e);
            writeAlone(record.failed(503, "audit entry not written"));
            throw failure(503, incident.tell("the change was not made because its audit entry could not be written"),
                    "5");
        } catch (AuditStore.CallNotCommitted e) {
            Incident incident = Incident.log(LOG, "admin action " + action.name() + " did not commit", e);
            writeAlone(record.failed(500, "the change could not be committed (reference " + incident.reference()
                    + ")"));
            throw failure(500, incident.tell("the change could not be committed"), null);
        }
        database.reachable();
        lines.write(record, true);
        return result;
    }

    private void writeAlone(AuditRecord record) {
        try {
            store.writeAlone(record);
            lines.write(record, true);
        } catch (AuditUnavailable e) {
            if (database.failed("audit", e) == null) {
                Incident.log(LOG, "audit entry of a refused admin action not written", e);
            }
            lines.write(record, false);
        }
    }

    private static int statusOf(Throwable failure) {
        if (failure instanceof Refusal refusal) {
            return refusal.status();
        }
        if (failure instanceof WebApplicationException web) {
            return web.getResponse().getStatus();
        }
        if (failure instanceof DatabaseUnavailable) {
            return 503;
        }
        return 500;
    }

    private static WebApplicationException failure(int status, String message, String retryAfter) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonText.BUILDERS.createObjectBuilder().add("error", message).build().toString());
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return new WebApplicationException(response.build());
    }
}
