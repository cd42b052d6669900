package io.mcpee.audit;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** How many unauthenticated requests one client address made in one period. */
record UnauthenticatedTally(Instant periodStart, Instant periodEnd, String clientIp, long requests) {
    UnauthenticatedTally {
        requireNonNull(periodStart, "periodStart is null");
        requireNonNull(periodEnd, "periodEnd is null");
        requireNonNull(clientIp, "clientIp is null");
    }
}
