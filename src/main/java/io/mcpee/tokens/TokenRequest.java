package io.mcpee.tokens;

import java.time.Instant;
import java.util.Set;

/**
 * The body of a create or update: every field optional on update. {@code neverExpires: true} makes a token that
 * does not expire; without it and {@code expiresAt}, a new token expires after the default lifetime.
 */
public record TokenRequest(String name, String owner, Instant expiresAt, Boolean neverExpires, Boolean active,
                           Set<String> permissions, Set<String> groups, String rateLimit) {

    TokenSpec spec() {
        return new TokenSpec(name, owner, expiresAt, Boolean.TRUE.equals(neverExpires), permissions, groups,
                rateLimit);
    }
}
