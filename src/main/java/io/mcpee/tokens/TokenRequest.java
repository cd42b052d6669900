package io.mcpee.tokens;

import java.io.InputStream;
import java.time.Instant;
import java.util.Set;

/**
 * The body of a create or update: every field optional on update. {@code neverExpires: true} makes a token that
 * does not expire; without it and {@code expiresAt}, a new token expires after the default lifetime.
 * {@code active: false} makes a new token inactive; without it, it is active.
 */
record TokenRequest(String name, String owner, Instant expiresAt, Boolean neverExpires, Boolean active,
                    Set<String> permissions, Set<String> groups, String rateLimit) {

    /** Reads a request body; a body of the wrong shape is a {@link TokenException} 400 (see {@link AdminJson}). */
    static TokenRequest read(InputStream body) {
        AdminJson json = AdminJson.read(body);
        return new TokenRequest(json.string("name"), json.string("owner"), json.instant("expiresAt"),
                json.bool("neverExpires"), json.bool("active"), json.strings("permissions"), json.strings("groups"),
                json.string("rateLimit"));
    }

    TokenSpec spec() {
        return new TokenSpec(name, owner, expiresAt, Boolean.TRUE.equals(neverExpires), active, permissions, groups,
                rateLimit);
    }
}
