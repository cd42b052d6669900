package io.mcpee.api;

import java.time.Duration;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * The limiter state behind throttling: per key (an agent, an agent and a tool, an agent's listings), how many
 * permits of its {@link Rate} are left. The in-memory implementation serves one server; a cluster needs one whose
 * state lives in the cluster's shared store, behind this same interface.
 */
public interface RateLimiter {

    /** Takes one permit for {@code key} under {@code rate}, or says how long until the next one. */
    Decision acquire(String key, Rate rate);

    /**
     * Gives back a permit taken for a call that then did not run (refused by another limit), if its window is still
     * the current one; a permit of a window that has since ended is simply dropped.
     */
    void release(String key, Decision.Admitted permit);

    /** What {@link #acquire} answers. */
    sealed interface Decision {

        /** A permit, taken in the window that started at {@code window}. */
        record Admitted(Instant window) implements Decision {
            public Admitted {
                requireNonNull(window, "window is null");
            }
        }

        /** No permit left; the next one comes after {@code retryAfter}. */
        record Refused(Duration retryAfter) implements Decision {
            public Refused {
                requireNonNull(retryAfter, "retryAfter is null");
            }

            /** The wait in whole seconds, rounded up and at least 1: the {@code Retry-After} header's value. */
            public long retryAfterSeconds() {
                long millis = retryAfter.toMillis();
                return Math.max(1, (millis + 999) / 1000);
            }
        }
    }
}
