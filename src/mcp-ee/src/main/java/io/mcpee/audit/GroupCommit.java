package io.mcpee.audit;

import io.mcpee.persistence.DatabaseHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of the entries of reads: the entries that concurrent requests hand in while one transaction of
 * entries is being committed are written together in the next one, and each request returns only once the
 * transaction holding its entry has committed. "Committed before the answer" holds for every entry; what is shared
 * is the cost of a commit (on H2 with {@code WRITE_DELAY=0} a chunk written to the file, on PostgreSQL a waited
 * WAL flush), paid once per batch instead of once per call.
 * <p>
 * No thread of its own: the first request that finds no batch being written writes one (the leader), with every
 * entry waiting at that moment; requests arriving meanwhile wait, and when the leader is done the first of them
 * leads the next batch. A leader waits a moment (at most {@link #MAX_WAIT_NANOS}) while other reads are under way
 * ({@link #expect}), so that their entries share its commit; under no concurrency a batch is one entry, written at
 * once. A batch that is refused is written again entry by entry, so one entry's failure is its own call's alone;
 * when the database cannot be reached every entry of the batch fails at once.
 */
@ApplicationScoped
class GroupCommit {
    /** A bound on one transaction's inserts; the rest wait for the next batch. */
    static final int MAX_BATCH = 256;
    /**
     * How long a leader waits at most for reads under way to hand in their entries. Measured on H2 (bench/run.sh,
     * c=16): batches of ~5 entries without waiting, ~7 with it, and 1 ms or 3 ms made no difference to their size.
     */
    static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AuditStore store;
    private final long maxWaitNanos;

    private final ReentrantLock lock = new ReentrantLock();
    // signalled when an entry is handed in: a leader may be waiting for it
    private final Condition arrived = lock.newCondition();
    // reads under way whose entries have not been handed in yet
    private final AtomicInteger coming = new AtomicInteger();
    // guarded by lock
    private List<Waiting> queue = new ArrayList<>();
    // guarded by lock: whether a leader is writing (or about to take the queue)
    private boolean writing;

    @Inject
    GroupCommit(AuditStore store) {
        this(store, MAX_WAIT_NANOS);
    }

    GroupCommit(AuditStore store, long maxWaitNanos) {
        this.store = store;
        this.maxWaitNanos = maxWaitNanos;
    }

    /** For the CDI client proxy only. */
    protected GroupCommit() {
        this.store = null;
        this.maxWaitNanos = 0;
    }

    /**
     * A read has begun whose entry will be handed in: a leader may wait for it (briefly) to share its commit. The
     * entry is handed in with {@link Expected#write}; {@link Expected#close} says it will not come after all.
     */
    Expected expect() {
        coming.incrementAndGet();
        return new Expected();
    }

    /** The entry of one read that has begun. */
    final class Expected implements AutoCloseable {
        private boolean settled;

        /** Writes the entry and returns once it is committed. */
        void write(AuditRecord record) {
            boolean expected = !settled;
            settled = true;
            GroupCommit.this.write(record, expected);
        }

        @Override
        public void close() {
            if (!settled) {
                settled = true;
                lock.lock();
                try {
                    coming.decrementAndGet();
                    arrived.signal();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /**
     * Writes the entry and returns once it is committed.
     *
     * @throws AuditUnavailable the entry was refused, or the database could not be reached
     */
    void write(AuditRecord record) {
        write(record, false);
    }

    private void write(AuditRecord record, boolean expected) {
        Waiting mine = new Waiting(record);
        boolean lead;
        lock.lock();
        try {
            if (expected) {
                coming.decrementAndGet();
            }
            queue.add(mine);
            arrived.signal();
            lead = !writing;
            writing = true;
        } finally {
            lock.unlock();
        }
        if (lead || mine.awaitTurn()) {
            lead();
        }
        mine.result();
    }

    /** Takes the waiting entries, writes them in one transaction, tells their requests and hands the lead on. */
    private void lead() {
        List<Waiting> batch;
        lock.lock();
        try {
            // reads under way would share this commit: wait for them, but never long
            long left = maxWaitNanos;
            while (coming.get() > 0 && queue.size() < MAX_BATCH && left > 0) {
                try {
                    left = arrived.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (queue.size() <= MAX_BATCH) {
                batch = queue;
                queue = new ArrayList<>();
            } else {
                List<Waiting> first = queue.subList(0, MAX_BATCH);
                batch = new ArrayList<>(first);
                first.clear();
            }
        } finally {
            lock.unlock();
        }
        try {
            write(batch);
        } finally {
            Waiting next = null;
            lock.lock();
            try {
                if (queue.isEmpty()) {
                    writing = false;
                } else {
                    next = queue.get(0);
                }
            } finally {
                lock.unlock();
            }
            if (next != null) {
                next.lead();
            }
        }
    }

    private void write(List<Waiting> batch) {
        try {
            store.writeAll(batch.stream().map(Waiting::record).toList());
            batch.forEach(Waiting::written);
        } catch (AuditUnavailable refused) {
            if (batch.size() == 1 || DatabaseHealth.isUnreachable(refused)) {
                batch.forEach(waiting -> waiting.failed(refused));
            } else {
                // one entry may have been refused for itself: each is tried alone, and fails for its own reason
                for (Waiting waiting : batch) {
                    try {
                        store.writeAlone(waiting.record());
                        waiting.written();
                    } catch (AuditUnavailable e) {
                        waiting.failed(e);
                    }
                }
            }
        } catch (RuntimeException e) {
            // every request of the batch, the leader's too, fails closed with it
            batch.forEach(waiting -> waiting.failed(new AuditUnavailable("the entries were not written", e)));
        } catch (Error e) {
            batch.forEach(waiting -> waiting.failed(new AuditUnavailable("the entries were not written", e)));
            throw e;
        }
    }

    /** One request's entry, waiting for its batch; told once: written, failed, or that it leads the next batch. */
    private static final class Waiting {
        private static final Object LEAD = new Object();
        private final AuditRecord record;
        private final CompletableFuture<Object> turn = new CompletableFuture<>();
        private volatile AuditUnavailable failure;
        private volatile boolean done;

        Waiting(AuditRecord record) {
            this.record = record;
        }

        AuditRecord record() {
            return record;
        }

        /** Waits to be told; true when this request is to lead the next batch (its entry is in it). */
        boolean awaitTurn() {
            // not interruptible: the answer must not leave before its entry is known written or refused
            try {
                return turn.join() == LEAD;
            } catch (CompletionException e) {
                return false;
            }
        }

        void lead() {
            turn.complete(LEAD);
        }

        void written() {
            done = true;
            turn.complete(Boolean.TRUE);
        }

        void failed(AuditUnavailable reason) {
            failure = reason;
            done = true;
            turn.complete(Boolean.FALSE);
        }

        /** Returns when the entry was written; throws what refused it otherwise. */
        void result() {
            if (failure != null) {
                // one exception per request: the requests of a batch throw theirs on their own threads
                throw new AuditUnavailable(failure.getMessage(), failure);
            }
            if (!done) {
                throw new IllegalStateException("audit entry neither written nor refused");
            }
        }
    }
}
