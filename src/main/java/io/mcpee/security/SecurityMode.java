package io.mcpee.security;

import java.util.Locale;

/** How callers are authenticated: MP Config {@code mcpee.security.mode}. */
enum SecurityMode {
    /**
     * Development only: every request, REST or MCP, runs as one configured user holding every role the
     * application declares. Nothing is protected; the server logs a warning at start.
     */
    OPEN;

    static SecurityMode parse(String value) {
        try {
            return SecurityMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mcpee.security.mode must be one of: open (got \"" + value + "\")");
        }
    }
}
