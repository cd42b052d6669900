package io.mcpee.audit;

import io.mcpee.api.McpExchange;
import io.mcpee.invocation.AgentCall;
import io.mcpee.invocation.CallNotCommitted;
import io.mcpee.invocation.CallTransaction;
import io.mcpee.invocation.InputRequired;
import io.mcpee.invocation.ToolCallChain;
import io.mcpee.log.Incident;
import io.mcpee.persistence.DatabaseHealth;
import io.mcpee.persistence.DatabaseUnavailable;
import io.mcpee.protocol.ProtocolException;
import io.mcpee.results.Outcome;
import io.mcpee.results.ToolOutcome;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolationException;

import java.time.Instant;
import java.util.logging.Logger;

/**
 * The audit step of an agent's call — a {@code tools/call}, or a REST request through the REST door — outermost of
 * the guards so that every call is recorded, the throttled and the denied too: exactly one entry per call, committed
 * before the answer is sent.
 * <p>
 * A call that may change something has its entry written into its own transaction ({@code TransactionGuard}, just
 * inside this guard), so a change and its entry commit together, and when the entry cannot be written the change
 * rolls back and the agent gets an error instead of the result (fail closed). When the application's failure has
 * marked the transaction for rollback, it rolls back and the entry is written alone. A read ({@link ReadCalls}) has
 * no change to commit with its entry: its entry is committed with other reads' entries ({@link GroupCommit}), and
 * its result waits for that commit, so it is not given out unrecorded either. A call refused for its entry is
 * answered HTTP 503 and recorded, if the database still takes it, as an {@code ERROR}.
 * Each entry is also one JSON line to the logger {@code mcpee.audit}.
 */
@ToolCallChain
@Interceptor
@Priority(AuditGuard.PRIORITY)
public class AuditGuard {
    /** Outside the call's transaction ({@code + 250}), throttling ({@code + 300}) and authorization ({@code + 400}). */
    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 200;
    private static final Logger LOG = Logger.getLogger(AuditGuard.class.getName());

    private final AuditStore store;
    private final GroupCommit groupCommit;
    private final ReadCalls reads;
    private final AuditRecords records;
    private final AuditLogWriter lines;
    private final DatabaseHealth database;
    private final McpExchange exchange;

    @Inject
    AuditGuard(AuditStore store, GroupCommit groupCommit, ReadCalls reads, AuditRecords records,
               AuditLogWriter lines, DatabaseHealth database, McpExchange exchange) {
        this.exchange = exchange;
        this.store = store;
        this.groupCommit = groupCommit;
        this.reads = reads;
        this.records = records;
        this.lines = lines;
        this.database = database;
    }

    @AroundInvoke
    Object audit(InvocationContext invocation) throws Exception {
        Entry entry = new Entry((AgentCall) invocation.getParameters()[0], Instant.now(), System.nanoTime());
        if (!database.admits()) {
            // the database is down: the call could not be recorded, so it is not carried out (HTTP 503)
            throw unrecorded(entry.ended(Outcome.ERROR, 503, "the database cannot be reached"),
                    database.unavailable());
        }
        if (reads.isRead(entry.call)) {
            try (GroupCommit.Expected read = groupCommit.expect()) {
                return audited(invocation, entry, read);
            }
        }
        CallTransaction.beforeCommit(invocation, outcome -> store.writeInto(entry.ended(outcome)));
        return audited(invocation, entry, null);
    }

    /** The call, and its entry: {@code read} for a read's (group commit), null for one in the call's transaction. */
    private ToolOutcome audited(InvocationContext invocation, Entry entry, GroupCommit.Expected read)
            throws Exception {
        ToolOutcome outcome;
        try {
            outcome = (ToolOutcome) invocation.proceed();
        } catch (AuditUnavailable e) {
            return failClosed(entry.record, e);
        } catch (CallNotCommitted e) {
            return notCommitted(entry, e);
        } catch (ProtocolException e) {
            // an unknown tool: JSON-RPC -32602, recorded as refused arguments
            refused(entry.ended(Outcome.INVALID, 400, e.getMessage()));
            throw e;
        } catch (InputRequired e) {
            // the method asked its client and ended to wait for the answers (rolled back): a round of the call
            refused(entry.ended(Outcome.INPUT_REQUIRED, e.missingCapability() == null ? 200 : 400,
                    e.missingCapability() == null ? "asked the client: " + keys(e)
                            : "the client lacks the " + e.missingCapability() + " capability"));
            throw e;
        } catch (RuntimeException | Error e) {
            DatabaseUnavailable down = refused(entry.ended(Outcome.ERROR, 500, "internal error"));
            if (down != null) {
                // the call failed as the database went away (it was in flight when it did) and no entry can say so:
                // the agent gets the outage's 503, as every call after it does; the log has the call's line
                throw down;
            }
            throw e;
        }
        if (read != null || !CallTransaction.committed(invocation)) {
            // a read's entry, with other reads' in one transaction (it had no change to commit with); or the
            // application's failure rolled the call back, and its entry is written alone
            try {
                if (read != null) {
                    read.write(entry.ended(outcome));
                } else {
                    store.writeAlone(entry.ended(outcome));
                }
            } catch (AuditUnavailable e) {
                return failClosed(entry.record, e);
            }
        }
        database.reachable();
        lines.write(entry.record, true);
        return outcome;
    }

    private static String keys(InputRequired inputRequired) {
        return String.join(", ", inputRequired.questions().stream().map(q -> q.key() + " (" + q.method() + ")")
                .toList());
    }

    /** One call's entry: when the call came, and the record of how it ended once it has. */
    private final class Entry {
        private final AgentCall call;
        private final Instant started;
        private final long start;
        private AuditRecord record;

        Entry(AgentCall call, Instant started, long start) {
            this.call = call;
            this.started = started;
            this.start = start;
        }

        /** How the call ended; {@code CANCELLED} when the agent cancelled it while it ran, whatever it then did. */
        AuditRecord ended(ToolOutcome outcome) {
            return ended(exchange.isCancelled() ? Outcome.CANCELLED : outcome.outcome(), outcome.status(),
                    outcome.errorMessage());
        }

        AuditRecord ended(Outcome outcome, int status, String message) {
            record = records.of(call, started, System.nanoTime() - start, outcome, status, message);
            return record;
        }
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
    private ToolOutcome notCommitted(Entry entry, CallNotCommitted failure) {
        if (entry.record == null) {
            // a read's commit failed (its entry was not in it), or the call was marked for rollback though it
            // answered success (its entry was never written): the ending is what this method finds below
            entry.ended(Outcome.ERROR, 500, null);
        }
        DatabaseUnavailable down = database.failed("audit", failure);
        if (down != null) {
            throw unrecorded(entry.record, down);
        }
        ConstraintViolationException violations = violationsIn(failure);
        ToolOutcome outcome;
        AuditRecord ended;
        if (violations != null) {
            // a constraint's message may repeat the value (${validatedValue}): masked as the invoker masks errors
            outcome = ToolOutcome.invalid(records.scrub(ToolOutcome.violated(violations).errorMessage(), entry.call));
            ended = entry.record.endedAs(Outcome.INVALID, outcome.status(), outcome.errorMessage());
        } else {
            Incident incident = Incident.log(LOG, "tool call " + entry.record.act().name() + " did not commit",
                    failure);
            outcome = ToolOutcome.error(500, incident.tell("HTTP 500 Internal Server Error: the call's changes could"
                    + " not be committed"));
            ended = entry.record.failed(500, outcome.errorMessage());
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
     * A call that ended in an exception (an unknown tool, a defect, a failure of the application) changed nothing,
     * its transaction rolled back: its entry is written alone. When even that fails, its line is logged as not
     * stored and the caller's answer goes on; returned is the outage when the database cannot be reached, else null.
     */
    private DatabaseUnavailable refused(AuditRecord record) {
        try {
            store.writeAlone(record);
            lines.write(record, true);
            return null;
        } catch (AuditUnavailable e) {
            DatabaseUnavailable down = database.failed("audit", e);
            if (down == null) {
                // the outage of a database is logged once per interval by DatabaseHealth; anything else here
                Incident.log(LOG, "audit entry not written", e);
            }
            lines.write(record, false);
            return down;
        }
    }

    /** The entry was refused and the call rolled back: the agent is told, and the failure recorded if possible. */
    private ToolOutcome failClosed(AuditRecord record, AuditUnavailable failure) {
        DatabaseUnavailable down = database.failed("audit", failure);
        if (down != null) {
            throw unrecorded(record, down);
        }
        Incident incident = Incident.log(LOG, "audit entry not written; tool call " + record.act().name()
                + " was not carried out", failure);
        lines.write(record, false);
        String message = incident.tell("HTTP 503 Service Unavailable: the call was not carried out because its audit"
                + " entry could not be written");
        AuditRecord failed = record.failed(503, message);
        try {
            store.writeAlone(failed);
            lines.write(failed, true);
        } catch (AuditUnavailable again) {
            Incident.log(LOG, "audit: the failure entry was not written either (reference "
                    + incident.reference() + ")", again);
            lines.write(failed, false);
        }
        return ToolOutcome.error(503, message);
    }
}
