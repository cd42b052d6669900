package io.mcpee.tokens;

import java.time.Instant;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What authenticating a token needs of its row, read without JPA ({@link TokenLookup}): the hash of its secret,
 * whether it is active and until when (null: never), who it acts for and with what (direct permissions and those
 * of its groups), and its own rate limit (null: the default).
 */
record StoredToken(long id, String keyId, String secretHash, String name, String owner, boolean active,
                   Instant expiresAt, String rateLimit, Set<String> permissions) {
    StoredToken {
        requireNonNull(keyId, "keyId is null");
        requireNonNull(secretHash, "secretHash is null");
        requireNonNull(name, "name is null");
        requireNonNull(owner, "owner is null");
        permissions = Set.copyOf(permissions);
    }

    boolean isValid(Instant now) {
        return active && (expiresAt == null || now.isBefore(expiresAt));
    }
}
