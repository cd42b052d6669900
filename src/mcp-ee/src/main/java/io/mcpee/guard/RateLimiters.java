package io.mcpee.guard;

import io.mcpee.api.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Duration;

/**
 * Chooses the limiter state: this server's memory. In a cluster every member would count on its own (an agent
 * would get the budget once per member), so a clustered deployment replaces this producer with a limiter over the
 * cluster's shared store.
 */
@ApplicationScoped
class RateLimiters {
    /** Ended windows are removed this often; between sweeps they cost a few dozen bytes each. */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    @Produces
    @ApplicationScoped
    RateLimiter inMemory() {
        return new InMemoryRateLimiter(Clock.systemUTC(), SWEEP_EVERY);
    }
}
