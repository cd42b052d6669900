package io.mcpee.tokens;

import java.time.Instant;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Who a valid agent token speaks for: its owner user, and the permissions the token itself holds; its own rate
 * limit (null: the default) and expiry (null: never).
 */
public record TokenIdentity(long tokenId, String keyId, String name, String owner, Set<String> permissions,
                            String rateLimit, Instant expiresAt) {
    public TokenIdentity {
        requireNonNull(keyId, "keyId is null");
        requireNonNull(name, "name is null");
        requireNonNull(owner, "owner is null");
        permissions = Set.copyOf(permissions);
    }
}
