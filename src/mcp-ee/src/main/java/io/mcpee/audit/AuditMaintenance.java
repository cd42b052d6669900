package io.mcpee.audit;

import io.mcpee.persistence.DatabaseHealth;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.function.IntUnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit log's housekeeping, on non-persistent EJB timers: every {@code mcpee.audit.purge-interval} the
 * entries and the counts of unauthenticated requests older than {@code mcpee.audit.retention} are deleted,
 * {@code mcpee.audit.purge-batch-size} per transaction, so a large purge never holds long locks or one huge
 * transaction; every
 * {@code mcpee.audit.unauthenticated.period} the counts of unauthenticated requests are written. Each server of a
 * cluster runs its own; purging is idempotent.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditMaintenance {
    private static final Logger LOG = Logger.getLogger(AuditMaintenance.class.getName());
    private static final String PURGE = "mcp-ee audit purge";
    private static final String TALLY = "mcp-ee unauthenticated tally";

    @Resource
    TimerService timers;

    @Inject
    AuditSettings settings;

    @Inject
    AuditQueries queries;

    @Inject
    UnauthenticatedRequests unauthenticated;

    @Inject
    DatabaseHealth database;

    @PostConstruct
    void schedule() {
        long purge = settings.purgeInterval().toMillis();
        long tally = settings.unauthenticatedPeriod().toMillis();
        timers.createIntervalTimer(purge, purge, new TimerConfig(PURGE, false));
        timers.createIntervalTimer(tally, tally, new TimerConfig(TALLY, false));
    }

    @Timeout
    void run(Timer timer) {
        try {
            if (PURGE.equals(timer.getInfo())) {
                purge();
            } else if (TALLY.equals(timer.getInfo())) {
                writeTally();
            }
        } catch (RuntimeException e) {
            // a failed run is retried at the next interval; the timer must not be cancelled by it. An outage of the
            // database is logged by DatabaseHealth, once per interval
            if (database.failed("audit maintenance", e) == null) {
                LOG.log(Level.WARNING, "mcp-ee: audit maintenance (" + timer.getInfo() + ") failed", e);
            }
        }
    }

    /**
     * Deletes the entries, and the counts of unauthenticated requests, older than the retention period, batch by
     * batch; returns how many rows.
     */
    long purge() {
        Instant cutoff = Instant.now().minus(settings.retention());
        long entries = inBatches(size -> queries.purgeEntries(cutoff, size));
        long tallies = inBatches(size -> queries.purgeTallies(cutoff, size));
        if (entries + tallies > 0) {
            LOG.info(() -> "mcp-ee: purged " + entries + " audit entries and " + tallies
                    + " counts of unauthenticated requests older than " + cutoff);
        }
        return entries + tallies;
    }

    private long inBatches(IntUnaryOperator batch) {
        int size = settings.purgeBatchSize();
        long total = 0;
        int deleted;
        do {
            deleted = batch.applyAsInt(size);
            total += deleted;
        } while (deleted == size);
        return total;
    }

    private void writeTally() {
        UnauthenticatedRequests.Drained drained = unauthenticated.drain();
        // the log lines first: should the database refuse the rows, the counts are not lost with them
        drained.counts().forEach(count -> AuditLog.writeUnauthenticated(drained.start(), drained.end(),
                count.clientIp(), count.requests()));
        if (!drained.counts().isEmpty()) {
            queries.writeTally(drained);
        }
    }
}
