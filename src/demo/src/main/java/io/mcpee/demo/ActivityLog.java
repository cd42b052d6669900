package io.mcpee.demo;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The most recent operations, in memory: an operator's "what just happened" view, not an audit trail. */
@ApplicationScoped
public class ActivityLog {
    private static final int CAPACITY = 500;

    private final Deque<ActivityEntry> entries = new ArrayDeque<>();
    private long sequence;

    synchronized void record(String user, String operation, String outcome) {
        entries.addFirst(new ActivityEntry(++sequence, Instant.now(), user, operation, outcome));
        if (entries.size() > CAPACITY) {
            entries.removeLast();
        }
    }

    /** Newest first. */
    synchronized List<ActivityEntry> recent(int limit) {
        List<ActivityEntry> recent = new ArrayList<>(Math.min(limit, entries.size()));
        for (ActivityEntry entry : entries) {
            if (recent.size() == limit) {
                break;
            }
            recent.add(entry);
        }
        return recent;
    }
}
