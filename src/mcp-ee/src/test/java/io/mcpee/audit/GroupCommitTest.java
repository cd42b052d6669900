package io.mcpee.audit;

import io.mcpee.results.Outcome;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batching of read entries: every entry written once and only then returned, failures kept to their own. */
class GroupCommitTest {

    /** A store that takes its time per transaction, as a commit does, and remembers each transaction's entries. */
    private static class SlowStore extends AuditStore {
        final List<List<AuditRecord>> transactions = new CopyOnWriteArrayList<>();
        final List<AuditRecord> committed = Collections.synchronizedList(new ArrayList<>());
        volatile String refusedTool;
        volatile boolean unreachable;
        volatile boolean defect;

        @Override
        void writeAll(List<AuditRecord> records) {
            transact(records);
        }

        @Override
        void writeAlone(AuditRecord record) {
            transact(List.of(record));
        }

        private void transact(List<AuditRecord> records) {
            transactions.add(records);
            sleep(5);
            if (defect) {
                throw new IllegalStateException("a defect, not a refusal");
            }
            if (unreachable) {
                throw new AuditUnavailable("the entries were refused",
                        new SQLTransientConnectionException("connection refused", "08001", new ConnectException()));
            }
            if (records.stream().anyMatch(r -> r.act().name().equals(refusedTool))) {
                throw new AuditUnavailable("the entries were refused", new IllegalStateException("value too long"));
            }
            committed.addAll(records);
        }
    }

    private static AuditRecord record(String tool) {
        return new AuditRecord(null, Instant.now(), new AuditRecord.Actor("alice", "AGENT_TOKEN", "1", "t"),
                AuditRecord.Act.toolCall(tool, null, "{}"), new AuditRecord.Ending(Outcome.SUCCESS, 200, null, 1),
                AuditRecord.Origin.address("127.0.0.1"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one write per name on as many threads, all started together; the failures, in name order. */
    private static List<Throwable> writeConcurrently(GroupCommit group, List<String> tools) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tools.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Throwable>> results = new ArrayList<>();
            for (String tool : tools) {
                results.add(threads.submit(() -> {
                    start.await();
                    try {
                        group.write(record(tool));
                        return null;
                    } catch (AuditUnavailable e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Throwable> failures = new ArrayList<>();
            for (Future<Throwable> result : results) {
                failures.add(result.get(30, TimeUnit.SECONDS));
            }
            return failures;
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<String> tools(int count) {
        List<String> tools = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tools.add("tool_" + i);
        }
        return tools;
    }

    @Test
    void oneWriterAloneWritesAtOnceInATransactionOfItsOwn() {
        SlowStore store = new SlowStore();
        new GroupCommit(store).write(record("alone"));
        assertEquals(1, store.transactions.size());
        assertEquals("alone", store.committed.get(0).act().name());
    }

    @Test
    void concurrentEntriesShareTransactionsAndEachIsCommittedOnceBeforeItsWriterReturns() throws Exception {
        SlowStore store = new SlowStore();
        List<String> tools = tools(64);
        List<Throwable> failures = writeConcurrently(new GroupCommit(store), tools);
        assertTrue(failures.stream().allMatch(f -> f == null), failures.toString());
        // every writer returned, so every entry is committed: each exactly once
        assertEquals(tools.stream().sorted().toList(),
                store.committed.stream().map(r -> r.act().name()).sorted().toList());
        assertTrue(store.transactions.size() < tools.size() / 2,
                "64 entries written by 64 threads at once take far fewer transactions than entries: "
                        + store.transactions.size());
    }

    @Test
    void anEntryRefusedForItselfFailsAloneAndTheOthersOfItsBatchAreWritten() throws Exception {
        SlowStore store = new SlowStore();
        store.refusedTool = "tool_7";
        List<String> tools = tools(32);
        List<Throwable> failures = writeConcurrently(new GroupCommit(store), tools);
        for (int i = 0; i < tools.size(); i++) {
            if (i == 7) {
                assertInstanceOf(AuditUnavailable.class, failures.get(i));
            } else {
                assertEquals(null, failures.get(i), tools.get(i));
            }
        }
        assertEquals(31, store.committed.size());
        assertTrue(store.committed.stream().noneMatch(r -> r.act().name().equals("tool_7")));
    }

    @Test
    void whenTheDatabaseCannotBeReachedEveryEntryOfTheBatchFailsWithoutRetries() throws Exception {
        SlowStore store = new SlowStore();
        store.unreachable = true;
        GroupCommit group = new GroupCommit(store);
        List<Throwable> failures = writeConcurrently(group, tools(16));
        assertTrue(failures.stream().allMatch(f -> f instanceof AuditUnavailable), failures.toString());
        assertTrue(store.committed.isEmpty());
        int attempted = store.transactions.stream().mapToInt(List::size).sum();
        assertEquals(16, attempted, "each entry tried once, never again alone");
        // after the outage the next entry is written: the lead was handed on, not lost
        store.unreachable = false;
        group.write(record("after"));
        assertEquals("after", store.committed.get(0).act().name());
    }

    @Test
    void aFailureIsThrownToEachWriterAsItsOwnException() throws Exception {
        SlowStore store = new SlowStore();
        store.unreachable = true;
        List<Throwable> failures = writeConcurrently(new GroupCommit(store), tools(8));
        assertEquals(8, failures.stream().distinct().count());
        assertTrue(failures.stream().allMatch(f -> f.getCause() instanceof AuditUnavailable));
        assertThrows(AuditUnavailable.class, () -> new GroupCommit(store).write(record("still down")));
    }

    @Test
    void aLeaderWaitsForAReadUnderWayAndItsEntryJoinsTheSameTransaction() throws Exception {
        SlowStore store = leaderWaitingFor(read -> read.write(record("second")));
        assertEquals(1, store.transactions.size(), store.transactions.toString());
        assertEquals(2, store.transactions.get(0).size());
    }

    @Test
    void aReadThatWillNotHandInAnEntryReleasesTheLeader() throws Exception {
        SlowStore store = leaderWaitingFor(GroupCommit.Expected::close);
        assertEquals(List.of("first"), store.committed.stream().map(r -> r.act().name()).toList());
    }

    /**
     * A leader writes "first" while a read is under way: it must wait for that read (300 ms), and go on once
     * {@code readEnds} has handed in its entry or given up. The store it wrote to.
     */
    private static SlowStore leaderWaitingFor(Consumer<GroupCommit.Expected> readEnds) throws Exception {
        SlowStore store = new SlowStore();
        GroupCommit group = new GroupCommit(store, TimeUnit.SECONDS.toNanos(30));
        GroupCommit.Expected underWay = group.expect();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> leader = thread.submit(() -> group.write(record("first")));
            Thread.sleep(300);
            assertTrue(!leader.isDone(), "the leader waits for the read under way");
            readEnds.accept(underWay);
            leader.get(10, TimeUnit.SECONDS);
            return store;
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void anUnexpectedFailureFailsEveryEntryOfItsBatchClosedAndTheLeadGoesOn() throws Exception {
        SlowStore store = new SlowStore();
        store.defect = true;
        GroupCommit group = new GroupCommit(store);
        List<Throwable> failures = writeConcurrently(group, tools(8));
        assertTrue(failures.stream().allMatch(f -> f instanceof AuditUnavailable), failures.toString());
        store.defect = false;
        group.write(record("after"));
        assertEquals(List.of("after"), store.committed.stream().map(r -> r.act().name()).toList());
    }
}
