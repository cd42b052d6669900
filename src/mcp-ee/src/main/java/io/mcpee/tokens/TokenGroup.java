package io.mcpee.tokens;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/** A named set of permissions that tokens can be given together. */
public record TokenGroup(long id, String name, Set<String> permissions) {
    public TokenGroup {
        requireNonNull(name, "name is null");
        permissions = Set.copyOf(permissions);
    }
}
