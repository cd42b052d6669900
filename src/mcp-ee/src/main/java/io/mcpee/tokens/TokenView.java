package io.mcpee.tokens;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A token as the admin API shows it: never the secret or its hash, only a short preview of the public key part.
 * {@code status} is {@code active}, {@code expires-soon}, {@code expired} or {@code inactive}.
 */
public record TokenView(long id, String name, String owner, String keyPreview, String status, boolean active,
                        Instant createdAt, Instant expiresAt, Instant lastUsedAt, Set<String> permissions,
                        List<String> groups, Set<String> effectivePermissions, String rateLimit) {

    static TokenView of(AgentToken token, TokenSettings settings, Instant now) {
        return new TokenView(token.id(), token.name(), token.owner(),
                TokenFormat.PREFIX + token.keyId().substring(0, 8) + "…", status(token, settings, now),
                token.active(), token.createdAt(), token.expiresAt(), token.lastUsedAt(),
                new java.util.TreeSet<>(token.permissions()),
                token.groups().stream().map(TokenGroup::name).sorted().toList(), token.allPermissions(),
                token.rateLimit());
    }

    static String status(AgentToken token, TokenSettings settings, Instant now) {
        if (!token.active()) {
            return "inactive";
        }
        if (token.expiresAt() != null && !now.isBefore(token.expiresAt())) {
            return "expired";
        }
        if (token.expiresAt() != null && now.plus(settings.expiresSoon()).isAfter(token.expiresAt())) {
            return "expires-soon";
        }
        return "active";
    }

    /** A view plus the plaintext token: the answer to create and regenerate, the only time it is shown. */
    public record WithSecret(TokenView token, String secret) {
    }
}
