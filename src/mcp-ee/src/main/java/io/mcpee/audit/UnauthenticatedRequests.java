package io.mcpee.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.StampedLock;

/**
 * Counts the requests to {@code /mcp} refused for want of a valid credential, per client address, in memory; the
 * audit maintenance writes the counts of each period as a few rows ({@link #drain()}). A flood costs one counter
 * increment per request, never a row. At most {@code mcpee.audit.unauthenticated.max-addresses} addresses are
 * counted one by one per period; the others are summed under {@code *}, so memory stays bounded too.
 */
@ApplicationScoped
class UnauthenticatedRequests {
    static final String OTHERS = "*";

    private final int maxAddresses;
    private final Clock clock;
    private final AtomicReference<Period> current;
    // count holds the read lock, so once drain has swapped the period under the write lock no increment is still
    // on its way to the old one
    private final StampedLock swap = new StampedLock();

    @Inject
    UnauthenticatedRequests(AuditSettings settings) {
        this(settings.unauthenticatedMaxAddresses(), Clock.systemUTC());
    }

    UnauthenticatedRequests(int maxAddresses, Clock clock) {
        this.maxAddresses = maxAddresses;
        this.clock = clock;
        this.current = new AtomicReference<>(new Period(clock.instant()));
    }

    /** For the CDI client proxy only. */
    protected UnauthenticatedRequests() {
        this.maxAddresses = 0;
        this.clock = null;
        this.current = null;
    }

    void count(@Observes UnauthenticatedRequest request) {
        String address = request.clientAddress() == null ? OTHERS : request.clientAddress();
        long stamp = swap.readLock();
        try {
            Period period = current.get();
            LongAdder counter = period.counts.get(address);
            if (counter == null) {
                // the bound is approximate under races (a few more keys at most), which is all it needs to be
                counter = period.counts.computeIfAbsent(period.counts.size() < maxAddresses ? address : OTHERS,
                        key -> new LongAdder());
            }
            counter.increment();
        } finally {
            swap.unlockRead(stamp);
        }
    }

    /** The counts since the last drain, and a new period begun. Increments racing with it land in the new one. */
    Drained drain() {
        Instant now = clock.instant();
        Period ended;
        long stamp = swap.writeLock();
        try {
            ended = current.getAndSet(new Period(now));
        } finally {
            swap.unlockWrite(stamp);
        }
        List<Count> counts = ended.counts.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue().sum())).filter(c -> c.requests() > 0)
                .sorted((a, b) -> Long.compare(b.requests(), a.requests())).toList();
        return new Drained(ended.start, now, counts);
    }

    record Count(String clientIp, long requests) {
    }

    record Drained(Instant start, Instant end, List<Count> counts) {
    }

    private static final class Period {
        final Instant start;
        final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        Period(Instant start) {
            this.start = start;
        }
    }
}
