package io.mcpee.schema;

/**
 * The roles of the caller of the current tool call, for the {@code @Sensitive(unlessRole = ...)} masking of
 * results. The security package provides it ({@code security.ToolAccess}), so this package needs no security
 * types of its own.
 */
@FunctionalInterface
public interface CallerRoles {

    /** No roles at all: every sensitive value is masked. */
    CallerRoles NONE = role -> false;

    boolean has(String role);
}
