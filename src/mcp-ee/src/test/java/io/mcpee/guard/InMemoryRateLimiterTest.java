package io.mcpee.guard;

import io.mcpee.api.Rate;
import io.mcpee.api.RateLimiter;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryRateLimiterTest {
    private static final Instant START = Instant.parse("2026-01-01T10:00:00.250Z");

    /** A clock that moves only when the test says so: windows roll over without sleeping. */
    private static final class TestClock implements InstantSource {
        private volatile Instant now = START;

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final TestClock clock = new TestClock();
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock, Duration.ofMinutes(1));

    @RepeatedTest(20)
    void exactlyTheLimitOfConcurrentCallersIsAdmitted() throws Exception {
        int callers = 32;
        int limit = 7;
        Rate rate = new Rate(limit, java.time.temporal.ChronoUnit.MINUTES);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RateLimiter.Decision>> decisions = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                decisions.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return limiter.acquire("agent", rate);
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();
            int admitted = 0;
            for (Future<RateLimiter.Decision> decision : decisions) {
                RateLimiter.Decision d = decision.get(10, TimeUnit.SECONDS);
                if (d instanceof RateLimiter.Decision.Admitted) {
                    admitted++;
                } else {
                    assertEquals(Duration.ofMinutes(1), ((RateLimiter.Decision.Refused) d).retryAfter());
                }
            }
            assertEquals(limit, admitted);
        } finally {
            pool.shutdownNow();
        }
    }

    @RepeatedTest(10)
    void aClockThatMovesBetweenCallersNeverAnnouncesMoreThanAPeriod() throws Exception {
        // every reading is a millisecond later: a caller that read the time before another opened the window must
        // still be told at most one period (the wait is computed from a reading taken under the key's lock)
        java.util.concurrent.atomic.AtomicLong millis = new java.util.concurrent.atomic.AtomicLong(START.toEpochMilli());
        InMemoryRateLimiter ticking = new InMemoryRateLimiter(() -> Instant.ofEpochMilli(millis.getAndIncrement()),
                Duration.ofMinutes(1));
        Rate rate = Rate.parse("5/hour");
        int callers = 32;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RateLimiter.Decision>> decisions = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                decisions.add(pool.submit(() -> {
                    go.await();
                    return ticking.acquire("agent", rate);
                }));
            }
            go.countDown();
            int admitted = 0;
            for (Future<RateLimiter.Decision> decision : decisions) {
                if (decision.get(10, TimeUnit.SECONDS) instanceof RateLimiter.Decision.Refused refused) {
                    assertTrue(refused.retryAfterSeconds() <= 3600, "Retry-After " + refused.retryAfterSeconds());
                    assertTrue(refused.retryAfterSeconds() >= 3599, "Retry-After " + refused.retryAfterSeconds());
                } else {
                    admitted++;
                }
            }
            assertEquals(5, admitted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theWindowOpensAtTheFirstCallAndRollsOverAfterItsPeriod() {
        Rate rate = Rate.parse("3/minute");
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(RateLimiter.Decision.Admitted.class, limiter.acquire("a", rate));
            clock.advance(Duration.ofSeconds(10));
        }
        // 30 s into the window: refused, with the 30 s left until it ends
        RateLimiter.Decision.Refused refused = assertInstanceOf(RateLimiter.Decision.Refused.class,
                limiter.acquire("a", rate));
        assertEquals(Duration.ofSeconds(30), refused.retryAfter());
        assertEquals(30, refused.retryAfterSeconds());

        clock.advance(Duration.ofSeconds(29).plusMillis(999));
        RateLimiter.Decision.Refused last = assertInstanceOf(RateLimiter.Decision.Refused.class,
                limiter.acquire("a", rate));
        assertEquals(1, last.retryAfterSeconds(), "a wait under a second is announced as one second");

        clock.advance(Duration.ofMillis(1));
        RateLimiter.Decision.Admitted next = assertInstanceOf(RateLimiter.Decision.Admitted.class,
                limiter.acquire("a", rate));
        assertEquals(START.plusSeconds(60), next.window(), "the new window opens at the call that finds none");
        assertInstanceOf(RateLimiter.Decision.Admitted.class, limiter.acquire("a", rate));
        assertInstanceOf(RateLimiter.Decision.Admitted.class, limiter.acquire("a", rate));
        assertInstanceOf(RateLimiter.Decision.Refused.class, limiter.acquire("a", rate));
    }

    @Test
    void keysAreCountedApart() {
        Rate rate = Rate.parse("1/hour");
        assertInstanceOf(RateLimiter.Decision.Admitted.class, limiter.acquire("token:1 calls", rate));
        assertInstanceOf(RateLimiter.Decision.Refused.class, limiter.acquire("token:1 calls", rate));
        assertInstanceOf(RateLimiter.Decision.Admitted.class, limiter.acquire("token:2 calls", rate));
        assertInstanceOf(RateLimiter.Decision.Admitted.class, limiter.acquire("token:1 listing", rate));
    }

    @Test
    void aReleasedPermitCanBeTakenAgainInTheSameWindowOnly() {
        Rate rate = Rate.parse("1/minute");
        RateLimiter.Decision.Admitted permit = assertInstanceOf(RateLimiter.Decision.Admitted.class,
                limiter.acquire("a", rate));
        limiter.release("a", permit);
        RateLimiter.Decision.Admitted again = assertInstanceOf(RateLimiter.Decision.Admitted.class,
                limiter.acquire("a", rate));
        assertInstanceOf(RateLimiter.Decision.Refused.class, limiter.acquire("a", rate));

        // a permit of an ended window does not credit the next one
        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(RateLimiter.Decision.Admitted.class, limiter.acquire("a", rate));
        limiter.release("a", again);
        assertInstanceOf(RateLimiter.Decision.Refused.class, limiter.acquire("a", rate));
    }

    @Test
    void endedWindowsAreSweptSoIdleKeysDoNotAccumulate() {
        Rate rate = Rate.parse("5/second");
        for (int i = 0; i < 1000; i++) {
            limiter.acquire("ip:10.0.0." + i, rate);
        }
        assertEquals(1000, limiter.size());
        Rate hourly = Rate.parse("5/hour");
        limiter.acquire("busy", hourly);

        clock.advance(Duration.ofSeconds(30));
        limiter.acquire("busy", hourly);
        assertEquals(1001, limiter.size(), "no sweep before its interval");

        clock.advance(Duration.ofSeconds(31));
        limiter.acquire("busy", hourly);
        assertEquals(1, limiter.size(), "only the key whose window is still open remains");
    }

    @Test
    void aChangedRateAppliesToTheCurrentWindow() {
        assertInstanceOf(RateLimiter.Decision.Admitted.class, limiter.acquire("a", Rate.parse("2/minute")));
        assertInstanceOf(RateLimiter.Decision.Admitted.class, limiter.acquire("a", Rate.parse("2/minute")));
        assertInstanceOf(RateLimiter.Decision.Refused.class, limiter.acquire("a", Rate.parse("2/minute")));
        assertInstanceOf(RateLimiter.Decision.Admitted.class, limiter.acquire("a", Rate.parse("3/minute")));
    }
}
