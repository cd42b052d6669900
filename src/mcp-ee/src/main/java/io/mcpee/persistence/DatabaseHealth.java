package io.mcpee.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.transaction.xa.XAException;
import java.net.ConnectException;
import java.sql.Connection;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Whether mcp-ee's database can be reached, learnt from the requests themselves: a circuit breaker at the door.
 * When a token lookup or an audit write fails because the database is unreachable (no connection, or no answer
 * within {@code mcpee.database.timeout}), the database is taken to be down: agent requests are answered 503 with
 * {@code Retry-After} at once instead of each waiting for its own failure, and nothing reaches the application,
 * whose own failures would fill the log. During an outage no request is let through to find out whether it is over:
 * the database is asked in the background, once per {@code mcpee.database.probe-interval}, and the first answer ends
 * the outage (as does any statement of mcp-ee's that succeeds). Asking in the background rather than with a
 * request matters since agent tokens are cached: a request may need no statement of mcp-ee's before the
 * application's own, so it could not tell that the database is back. The log says so once per kind of failure and
 * {@code mcpee.database.log-interval}, without stack traces, and once when the database is back.
 */
@ApplicationScoped
public class DatabaseHealth {
    private static final Logger LOG = Logger.getLogger(DatabaseHealth.class.getName());

    private final long probeNanos;
    private final long logNanos;
    private final int timeoutSeconds;
    private final long retryAfterSeconds;
    private final LongSupplier nanoClock;
    private final BooleanSupplier probe;
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();
    private volatile Outage outage;
    // field injection: the probe's data source, looked up when first needed
    @Inject
    private McpeeDatabase database;
    // field injection: absent when constructed by a unit test, which probes by hand
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    @Inject
    DatabaseHealth(@ConfigProperty(name = "mcpee.database.timeout", defaultValue = "PT2S") String timeout,
                   @ConfigProperty(name = "mcpee.database.probe-interval", defaultValue = "PT1S") String probe,
                   @ConfigProperty(name = "mcpee.database.log-interval", defaultValue = "PT1M") String log) {
        this(Duration.parse(timeout), Duration.parse(probe), Duration.parse(log), System::nanoTime, null);
    }

    /** {@code reachable} answers whether the database can be reached now; null: ask the default data source. */
    DatabaseHealth(Duration timeout, Duration probe, Duration log, LongSupplier nanoClock, BooleanSupplier reachable) {
        if (timeout.isNegative() || timeout.isZero() || probe.isNegative() || probe.isZero() || log.isNegative()) {
            throw new IllegalArgumentException("mcpee.database.timeout and probe-interval must be positive, "
                    + "the log interval not negative");
        }
        // JDBC query timeouts are whole seconds
        this.timeoutSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        this.probeNanos = probe.toNanos();
        this.logNanos = log.toNanos();
        this.retryAfterSeconds = Math.max(1, probe.toSeconds() + 1);
        this.nanoClock = nanoClock;
        this.probe = reachable != null ? reachable : this::connects;
    }

    /** For the CDI client proxy only. */
    protected DatabaseHealth() {
        this.probeNanos = 0;
        this.logNanos = 0;
        this.timeoutSeconds = 0;
        this.retryAfterSeconds = 0;
        this.nanoClock = null;
        this.probe = null;
    }

    /** Seconds a statement of mcp-ee's may run ({@code mcpee.database.timeout}, rounded up). */
    public int queryTimeoutSeconds() {
        return timeoutSeconds;
    }

    /** Whether a request may use the database now: not while it is down (until a probe finds it back). */
    public boolean admits() {
        Outage current = outage;
        if (current == null) {
            return true;
        }
        current.refused.increment();
        return false;
    }

    /**
     * Asks the database whether it answers; if it does, an outage is over. Run once per probe interval during an
     * outage, in the background.
     */
    void probe() {
        if (outage != null && probe.getAsBoolean()) {
            reachable();
        }
    }

    /** The refusal of a request while the database is down. */
    public DatabaseUnavailable unavailable() {
        return new DatabaseUnavailable(retryAfterSeconds);
    }

    /** A statement succeeded: if an outage was on, it is over. Costs one volatile read otherwise. */
    public void reachable() {
        Outage ended = outage;
        if (ended != null) {
            synchronized (this) {
                if (outage != ended) {
                    return;
                }
                outage = null;
            }
            ended.stopProbing();
            lastLogged.clear();
            long seconds = Duration.ofNanos(nanoClock.getAsLong() - ended.since).toSeconds();
            LOG.info(() -> "mcp-ee: the database is reachable again after " + seconds + " s; "
                    + ended.refused.sum() + " requests were answered 503 meanwhile");
        }
    }

    /**
     * Records a failure of {@code kind} ("token lookup", "audit") if the database is unreachable, and returns the
     * refusal to throw; otherwise returns null: the failure is something else, for its caller to handle. Whether
     * it is unreachable is read from the failure when it says so ({@link #isUnreachable}); failures that do not
     * (a commit that failed because its connection broke is reported by the transaction manager in its own words)
     * are checked by asking the database itself, with a fresh connection.
     */
    public DatabaseUnavailable failed(String kind, Throwable failure) {
        if (!isUnreachable(failure) && probe.getAsBoolean()) {
            return null;
        }
        long now = nanoClock.getAsLong();
        if (outage == null) {
            synchronized (this) {
                if (outage == null) {
                    outage = new Outage(now);
                    outage.startProbing(scheduler, this::probe, probeNanos);
                }
            }
        }
        boolean[] due = new boolean[1];
        lastLogged.compute(kind, (k, last) -> {
            due[0] = last == null || now - last >= logNanos;
            return due[0] ? now : last;
        });
        if (due[0]) {
            // the message of the deepest cause says what (connection refused, timeout); never a stack trace
            LOG.warning("mcp-ee: the database cannot be reached (" + kind + ": " + rootMessage(failure)
                    + "); agent requests are answered 503 until it is back (said once per "
                    + Duration.ofNanos(logNanos) + ")");
        }
        return unavailable();
    }

    /**
     * Whether a failure says the database could not be reached or did not answer in time: an SQL state of class
     * 08 (connection exception), a JDBC timeout, a transient or recoverable connection failure, a refused or timed
     * out socket, an XA resource manager that failed, anywhere in the chain of causes.
     */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTimeoutException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof ConnectException
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause instanceof XAException xa && (xa.errorCode == XAException.XAER_RMFAIL
                    || xa.errorCode == XAException.XA_RBCOMMFAIL)) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57014") || state.equals("57P01"))) {
                    // 57014: a statement cancelled by its timeout (PostgreSQL); 57P01: the server shutting down
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Whether a connection can be had and answers within the timeout. */
    private boolean connects() {
        try (Connection connection = database.connection()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    private static final class Outage {
        private final long since;
        private final LongAdder refused = new LongAdder();
        private ScheduledFuture<?> probing;

        Outage(long since) {
            this.since = since;
        }

        synchronized void startProbing(ScheduledExecutorService scheduler, Runnable probe, long intervalNanos) {
            if (scheduler != null) {
                probing = scheduler.scheduleWithFixedDelay(probe, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
            }
        }

        synchronized void stopProbing() {
            if (probing != null) {
                probing.cancel(false);
            }
        }
    }
}
