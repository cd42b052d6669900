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
        return new TokenView(token.getId(), token.getName(), token.getOwner(),
                TokenFormat.PREFIX + token.getKeyId().substring(0, 8) + "…", status(token, settings, now),
                token.isActive(), token.getCreatedAt(), token.getExpiresAt(), token.getLastUsedAt(),
                new java.util.TreeSet<>(token.getPermissions()),
                token.getGroups().stream().map(TokenGroup::getName).sorted().toList(), token.getAllPermissions(),
                token.getRateLimit());
    }

    static String status(AgentToken token, TokenSettings settings, Instant now) {
        if (!token.isActive()) {
            return "inactive";
        }
        if (token.getExpiresAt() != null && !now.isBefore(token.getExpiresAt())) {
            return "expired";
        }
        if (token.getExpiresAt() != null && now.plus(settings.expiresSoon()).isAfter(token.getExpiresAt())) {
            return "expires-soon";
        }
        return "active";
    }

    /** A view plus the plaintext token: the answer to create and regenerate, the only time it is shown. */
    public record WithSecret(TokenView token, String secret) {
    }
}
