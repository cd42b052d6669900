package org.example.notes;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** How often each tracked method was called. */
@ApplicationScoped
public class Tracker {
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    void called(String method) {
        calls.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
    }

    public Map<String, Long> calls() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((method, count) -> copy.put(method, count.get()));
        return copy;
    }
}
