package io.mcpee.persistence;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The circuit breaker at the door: what counts as an outage, who may try during one, what the log says. */
class DatabaseHealthTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final DatabaseHealth health = new DatabaseHealth(Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofMinutes(1), now::get, reachable::get);

    private static SQLException refused() {
        return new SQLException("Error in allocating a connection", null,
                new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException("refused")));
    }

    @Test
    void connectionFailuresAndTimeoutsAreOutagesOtherFailuresAreNot() {
        assertTrue(DatabaseHealth.isUnreachable(refused()));
        assertTrue(DatabaseHealth.isUnreachable(new SQLTimeoutException("timed out")));
        assertTrue(DatabaseHealth.isUnreachable(new RuntimeException(new SQLException("canceled", "57014"))));
        assertTrue(DatabaseHealth.isUnreachable(new IllegalStateException(new ConnectException("refused"))));
        assertFalse(DatabaseHealth.isUnreachable(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseHealth.isUnreachable(new SQLException("syntax error")));
        assertFalse(DatabaseHealth.isUnreachable(new IllegalStateException("defect")));
        assertNull(health.failed("audit", new SQLException("duplicate key", "23505")), "not an outage");
        assertTrue(health.admits());
    }

    /** A failure that does not say why (a commit whose connection broke) is an outage if the database says so. */
    @Test
    void aFailureThatDoesNotSayWhyIsCheckedAgainstTheDatabase() {
        IllegalStateException unclear = new IllegalStateException("the transaction did not commit");
        assertNull(health.failed("audit", unclear), "the database answers: not an outage");
        reachable.set(false);
        assertNotNull(health.failed("audit", unclear), "the database does not answer");
        assertFalse(health.admits());
        assertTrue(DatabaseHealth.isUnreachable(new RuntimeException(
                new javax.transaction.xa.XAException(javax.transaction.xa.XAException.XAER_RMFAIL))));
    }

    @Test
    void duringAnOutageNoRequestIsAdmittedAndTheFirstProbeThatGetsAnAnswerEndsIt() {
        assertTrue(health.admits());
        DatabaseUnavailable refusal = health.failed("token lookup", refused());
        assertNotNull(refusal);
        assertEquals(2, refusal.retryAfterSeconds());
        assertFalse(health.admits(), "refused at once during the outage");
        now.addAndGet(10 * SECOND);
        assertFalse(health.admits(), "no request tries: the probe does");
        reachable.set(false);
        health.probe();
        assertFalse(health.admits(), "the probe got no answer");
        reachable.set(true);
        health.probe();
        assertTrue(health.admits(), "over: every request goes through");
        assertTrue(health.admits());
    }

    @Test
    void aSucceedingStatementEndsAnOutageToo() {
        health.failed("audit", refused());
        assertFalse(health.admits());
        health.reachable();
        assertTrue(health.admits());
    }

    @Test
    void withoutAnOutageTheProbeDoesNotAsk() {
        reachable.set(false);
        health.probe();
        assertTrue(health.admits(), "a probe outside an outage changes nothing");
    }

    @Test
    void theLogSaysItOncePerKindAndIntervalWithoutStackTraces() {
        List<LogRecord> records = new ArrayList<>();
        Logger logger = Logger.getLogger(DatabaseHealth.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            for (int i = 0; i < 100; i++) {
                health.failed("token lookup", refused());
                health.failed("audit", refused());
                health.admits();
            }
            assertEquals(2, records.size(), "once per kind");
            assertTrue(records.get(0).getMessage().contains("token lookup: refused"), records.get(0).getMessage());
            assertTrue(records.stream().allMatch(r -> r.getThrown() == null), "no stack trace");
            now.addAndGet(61 * SECOND);
            health.failed("audit", refused());
            assertEquals(3, records.size(), "again after the interval");
            health.reachable();
            assertEquals(4, records.size());
            assertTrue(records.get(3).getMessage().contains("reachable again after 61 s"), records.get(3).getMessage());
            assertTrue(records.get(3).getMessage().contains("100 requests were answered 503"),
                    records.get(3).getMessage());
        } finally {
            logger.removeHandler(handler);
        }
    }
}
