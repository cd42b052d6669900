package io.mcpee.tokens;

import io.mcpee.protocol.JsonText;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

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

    /** Whether the request only turns the token on or off (an activation or deactivation, to the audit). */
    boolean onlyActive() {
        return active != null && name == null && owner == null && expiresAt == null && neverExpires == null
                && permissions == null && groups == null && rateLimit == null;
    }

    /** What was asked, as the audit records it: the fields given. */
    JsonObject json() {
        JsonObjectBuilder json = JsonText.BUILDERS.createObjectBuilder();
        optional(json, "name", name);
        optional(json, "owner", owner);
        optional(json, "expiresAt", expiresAt == null ? null : expiresAt.toString());
        if (neverExpires != null) {
            json.add("neverExpires", neverExpires);
        }
        if (active != null) {
            json.add("active", active);
        }
        optional(json, "permissions", permissions);
        optional(json, "groups", groups);
        optional(json, "rateLimit", rateLimit);
        return json.build();
    }

    static void optional(JsonObjectBuilder json, String field, String value) {
        if (value != null) {
            json.add(field, value);
        }
    }

    static void optional(JsonObjectBuilder json, String field, Set<String> values) {
        if (values != null) {
            JsonArrayBuilder array = JsonText.BUILDERS.createArrayBuilder();
            new TreeSet<>(values).forEach(array::add);
            json.add(field, array);
        }
    }

    TokenSpec spec() {
        return new TokenSpec(name, owner, expiresAt, Boolean.TRUE.equals(neverExpires), active, permissions, groups,
                rateLimit);
    }
}
