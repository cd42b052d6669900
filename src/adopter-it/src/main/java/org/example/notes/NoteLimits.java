package org.example.notes;

import io.mcpee.api.Rate;
import io.mcpee.api.RateLimiter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.time.Instant;

/**
 * The application's own throttling state, in place of mcp-ee's in-memory one: an enabled alternative of mcp-ee's
 * public {@link RateLimiter}. A real one would count in a shared store; this one admits every call and tracks that
 * it was asked, so the test can see mcp-ee use it.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class NoteLimits implements RateLimiter {
    @Inject
    Tracker tracker;

    @Override
    public Decision acquire(String key, Rate rate) {
        tracker.called("limiter");
        return new Decision.Admitted(Instant.now());
    }

    @Override
    public void release(String key, Decision.Admitted permit) {
    }
}
