package io.mcpee.tokens;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * An agent's credential as the admin API manages it. It acts as its owner user but holds only its own grants:
 * direct permissions and those of its groups, never the owner's other rights. Its secret is stored only as a hash,
 * which this value does not carry.
 *
 * @param expiresAt  null: never expires
 * @param lastUsedAt null: never used
 * @param rateLimit  a rate such as {@code 100/minute} for the throttling guard; null: the configured default
 */
public record AgentToken(long id, String keyId, String name, String owner, boolean active, Instant createdAt,
                         Instant expiresAt, Instant lastUsedAt, String rateLimit, Set<String> permissions,
                         Set<TokenGroup> groups) {
    public AgentToken {
        requireNonNull(keyId, "keyId is null");
        requireNonNull(name, "name is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(createdAt, "createdAt is null");
        permissions = Set.copyOf(permissions);
        groups = Set.copyOf(groups);
    }

    /** Direct permissions and those of every group. */
    public Set<String> allPermissions() {
        Set<String> all = new TreeSet<>(permissions);
        groups.forEach(group -> all.addAll(group.permissions()));
        return all;
    }
}
