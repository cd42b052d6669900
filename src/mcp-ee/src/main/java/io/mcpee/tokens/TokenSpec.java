package io.mcpee.tokens;

import java.time.Instant;
import java.util.Set;

/**
 * What a token should be. {@code owner} null means the grantor; {@code expiresAt} null with {@code neverExpires}
 * false means the default lifetime; {@code active} null means active for a new token, unchanged on update;
 * {@code permissions} and {@code groups} (group names) null mean none for a new token, unchanged on update, and an
 * empty set on update takes them all away.
 */
public record TokenSpec(String name, String owner, Instant expiresAt, boolean neverExpires, Boolean active,
                        Set<String> permissions, Set<String> groups, String rateLimit) {
    public TokenSpec {
        permissions = permissions == null ? null : Set.copyOf(permissions);
        groups = groups == null ? null : Set.copyOf(groups);
    }
}
