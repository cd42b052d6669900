package io.mcpee.audit;

import io.mcpee.guard.Throttled;
import io.mcpee.persistence.DatabaseHealth;
import io.mcpee.persistence.DatabaseUnavailable;
import io.mcpee.protocol.ProtocolException;
import io.mcpee.tools.Outcome;
import io.mcpee.tools.ToolCall;
import io.mcpee.tools.ToolCallChain;
import io.mcpee.tools.ToolOutcome;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolationException;

import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit step of a tool call, outermost of the guards so that every call is recorded, the throttled and the
 * denied too: exactly one entry per {@code tools/call}, committed before the answer is sent.
 * <p>
 * Every call runs in a transaction this guard opens; the resource's own transactional code joins it. The call's
 * entry is written into that transaction, so a change and its entry commit together, and when the entry cannot be
 * written the change rolls back and the agent gets an error instead of the result (fail closed; a read's result is
 * not given out unrecorded either). When the application's failure has marked the transaction for rollback, it
 * rolls back and the entry is written alone. One transaction for the call and its entry is also the cheapest: a
 * read does not pay for a second one. A call refused for its entry is answered HTTP 503 and recorded, if the
 * database still takes it, as an {@code ERROR}. Each entry is also one JSON line to the logger {@code mcpee.audit}.
 */
@ToolCallChain
@Interceptor
@Priority(AuditGuard.PRIORITY)
public class AuditGuard {
    /** Outside throttling ({@code + 300}) and authorization ({@code + 400}): refused calls are recorded too. */
    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 200;
    private static final Logger LOG = Logger.getLogger(AuditGuard.class.getName());

    private final AuditStore store;
    private final AuditRecords records;
    private final AuditLogWriter lines;
    private final DatabaseHealth database;

    @Inject
    AuditGuard(AuditStore store, AuditRecords records, AuditLogWriter lines, DatabaseHealth database) {
        this.store = store;
        this.records = records;
        this.lines = lines;
        this.database = database;
    }

    @AroundInvoke
    Object audit(InvocationContext invocation) throws Exception {
        ToolCall call = (ToolCall) invocation.getParameters()[0];
        Instant started = Instant.now();
        long start = System.nanoTime();
        if (!database.admits()) {
            // the database is down: the call could not be recorded, so it is not carried out (HTTP 503)
            throw unrecorded(records.of(call, started, System.nanoTime() - start, Outcome.ERROR, 503,
                    "the database cannot be reached"), database.unavailable());
        }
        store.begin();
        ToolOutcome outcome;
        try {
            outcome = (ToolOutcome) invocation.proceed();
        } catch (Throttled e) {
            refused(call, started, start, Outcome.THROTTLED, 429, e.getMessage());
            throw e;
        } catch (ProtocolException e) {
            // an unknown tool: JSON-RPC -32602, recorded as refused arguments
            refused(call, started, start, Outcome.INVALID, 400, e.getMessage());
            throw e;
        } catch (RuntimeException | Error e) {
            refused(call, started, start, Outcome.ERROR, 500, "internal error");
            throw e;
        }
        AuditRecord record = records.of(call, started, System.nanoTime() - start, outcome.outcome(),
                outcome.status(), outcome.errorMessage());
        try {
            if (!store.commitWith(record)) {
                store.writeAlone(record);
            }
        } catch (AuditUnavailable e) {
            return failClosed(record, e);
        } catch (AuditStore.CallNotCommitted e) {
            return notCommitted(call, record, e);
        }
        database.reachable();
        lines.write(record, true);
        return outcome;
    }

    /**
     * An entry that could not be written because the database is down: its line goes to the log as not stored, and
     * the call ends in the 503 the endpoint answers.
     */
    private DatabaseUnavailable unrecorded(AuditRecord record, DatabaseUnavailable unavailable) {
        lines.write(record.failed(503, unavailable.getMessage()), false);
        return unavailable;
    }

    /**
     * The entry was written but the transaction failed at commit: nothing took effect. When Bean Validation refused
     * an entity as JPA flushed it, the agent is told which property and why (400), as for a constraint the
     * resource method's own validation finds; otherwise (the database, a deferred change) it gets the 500 a REST
     * call would have got. The entry says which.
     */
    private ToolOutcome notCommitted(ToolCall call, AuditRecord record, AuditStore.CallNotCommitted failure) {
        ConstraintViolationException violations = violationsIn(failure);
        ToolOutcome outcome;
        AuditRecord ended;
        DatabaseUnavailable down = database.failed("audit", failure);
        if (down != null) {
            throw unrecorded(record, down);
        }
        if (violations != null) {
            // a constraint's message may repeat the value (${validatedValue}): masked as the invoker masks errors
            outcome = ToolOutcome.invalid(records.scrub(ToolOutcome.violated(violations).errorMessage(), call));
            ended = record.endedAs(Outcome.INVALID, outcome.status(), outcome.errorMessage());
        } else {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "mcp-ee: tool call " + record.act().name() + " did not commit (reference "
                    + reference + ")", failure);
            outcome = ToolOutcome.error(500, "HTTP 500 Internal Server Error: the call's changes could not be "
                    + "committed; the server log has the details under reference " + reference);
            ended = record.failed(500, outcome.errorMessage());
        }
        try {
            store.writeAlone(ended);
        } catch (AuditUnavailable e) {
            return failClosed(ended, e);
        }
        lines.write(ended, true);
        return outcome;
    }

    private static ConstraintViolationException violationsIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violations) {
                return violations;
            }
        }
        return null;
    }

    /**
     * A call that ended in an exception (throttled, unknown tool, a defect) ran nothing of the application: its
     * transaction is rolled back and its entry written alone. When even that fails the exception goes on all the
     * same; the agent gets its error either way.
     */
    private void refused(ToolCall call, Instant started, long start, Outcome outcome, int status,
                         String message) {
        store.rollback();
        AuditRecord record = records.of(call, started, System.nanoTime() - start, outcome, status, message);
        try {
            store.writeAlone(record);
            lines.write(record, true);
        } catch (AuditUnavailable e) {
            if (database.failed("audit", e) != null) {
                // the call ran nothing and gets its own error; the outage is logged once per interval
                lines.write(record, false);
                return;
            }
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "mcp-ee: audit entry not written (reference " + reference + ")", e);
            lines.write(record, false);
        }
    }

    /** The entry was refused and the call rolled back: the agent is told, and the failure recorded if possible. */
    private ToolOutcome failClosed(AuditRecord record, AuditUnavailable failure) {
        DatabaseUnavailable down = database.failed("audit", failure);
        if (down != null) {
            throw unrecorded(record, down);
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "mcp-ee: audit entry not written; tool call " + record.act().name()
                + " was not carried out (reference " + reference + ")", failure);
        lines.write(record, false);
        String message = "HTTP 503 Service Unavailable: the call was not carried out because its audit entry could"
                + " not be written; the server log has the details under reference " + reference;
        AuditRecord failed = record.failed(503, message);
        try {
            store.writeAlone(failed);
            lines.write(failed, true);
        } catch (AuditUnavailable again) {
            LOG.log(Level.SEVERE, "mcp-ee: audit: the failure entry was not written either (reference "
                    + reference + ")", again);
            lines.write(failed, false);
        }
        return ToolOutcome.error(503, message);
    }
}
