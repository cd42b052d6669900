package io.mcpee.tokens;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Who creates or changes a token, and what they hold. A token can be granted only permissions its grantor holds,
 * so no token ever exceeds the rights of the user who made it; an {@code mcp-admin} may grant any.
 */
public record Grantor(String user, Set<String> held, boolean admin) {
    public static final String ADMIN_ROLE = "mcp-admin";

    public Grantor {
        requireNonNull(user, "user is null");
        held = Set.copyOf(held);
    }

    boolean mayGrant(Set<String> permissions) {
        return admin || held.containsAll(permissions);
    }
}
