package io.mcpee.guard;

import io.mcpee.api.Rate;
import io.mcpee.api.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed window per key, held in this server's memory. A key's window opens at its first call and lasts one
 * {@link Rate#period()}; in it at most {@link Rate#permits()} calls are admitted, then callers are refused until the
 * window ends. Anchoring the window at the first call (not at the clock's minute or hour) means a burst is never
 * split by a boundary it did not choose; the known cost of fixed windows remains: up to twice the permits in a short
 * time across the end of one window and the start of the next.
 *
 * <p><b>Exact under concurrency:</b> every decision for a key is one {@link ConcurrentHashMap#compute} on that key,
 * which runs atomically (the map locks the key's bin for its duration), so the check and the count of a permit
 * cannot interleave with another caller's: with N permits left, exactly N of any number of concurrent callers are
 * admitted. Different keys do not wait for each other beyond sharing a bin.
 *
 * <p><b>Bounded:</b> a window that has ended carries no information (the next call opens a new one), so at most
 * once per {@code sweepEvery} the calling thread removes every ended window; the map holds only the keys active in
 * their last period.
 */
final class InMemoryRateLimiter implements RateLimiter {
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final long sweepEveryMillis;
    private final AtomicLong nextSweep;

    InMemoryRateLimiter(InstantSource clock, Duration sweepEvery) {
        this.clock = clock;
        this.sweepEveryMillis = sweepEvery.toMillis();
        this.nextSweep = new AtomicLong(clock.millis() + sweepEveryMillis);
    }

    @Override
    public Decision acquire(String key, Rate rate) {
        sweepIfDue(clock.millis());
        long period = rate.period().toMillis();
        // the lambda runs exactly once, under the key's lock; it reports its decision through this slot
        Decision[] decision = new Decision[1];
        windows.compute(key, (k, window) -> {
            // read under the lock: a time read before it could precede the start of a window another caller opened
            long now = clock.millis();
            if (window == null || window.endedBy(now)) {
                decision[0] = new Decision.Admitted(Instant.ofEpochMilli(now));
                return new Window(now, now + period, 1);
            }
            if (window.count() < rate.permits()) {
                decision[0] = new Decision.Admitted(Instant.ofEpochMilli(window.start()));
                return window.plus(1);
            }
            // never more than a period, never negative, whatever the wall clock did meanwhile
            decision[0] = new Decision.Refused(Duration.ofMillis(Math.max(0, Math.min(window.end() - now, period))));
            return window;
        });
        return decision[0];
    }

    @Override
    public void release(String key, Decision.Admitted permit) {
        long start = permit.window().toEpochMilli();
        windows.computeIfPresent(key, (k, window) ->
                window.start() == start && window.count() > 0 ? window.plus(-1) : window);
    }

    /** Keys currently holding a window (ended ones included until the next sweep): for tests and monitoring. */
    int size() {
        return windows.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        // one thread wins the sweep; the others go on at once
        if (now >= due && nextSweep.compareAndSet(due, now + sweepEveryMillis)) {
            for (String key : windows.keySet()) {
                // removal re-checks under the key's lock, so a window a caller just opened is never lost
                windows.computeIfPresent(key, (k, window) -> window.endedBy(now) ? null : window);
            }
        }
    }

    /** One key's current window: epoch milliseconds [start, end) and the permits taken in it. */
    private record Window(long start, long end, int count) {
        boolean endedBy(long now) {
            return now >= end;
        }

        Window plus(int permits) {
            return new Window(start, end, count + permits);
        }
    }
}
