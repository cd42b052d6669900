package io.mcpee.tokens;

import java.time.Instant;
import java.util.Set;

/**
 * What a token should be. {@code owner} null means the grantor; {@code expiresAt} null with {@code neverExpires}
 * false means the default lifetime; {@code active} null means active for a new token, unchanged on update;
 * {@code groups} are group names.
 */
public record TokenSpec(String name, String owner, Instant expiresAt, boolean neverExpires, Boolean active,
                        Set<String> permissions, Set<String> groups, String rateLimit) {
    public TokenSpec {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }
}
