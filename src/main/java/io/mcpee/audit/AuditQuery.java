package io.mcpee.audit;

import io.mcpee.tools.Outcome;

import java.time.Instant;
import java.util.Set;

/**
 * A search of the audit log: every filter optional (null), newest first, {@code limit} entries after the position
 * {@code before} (the keyset cursor of the previous page: entries strictly older than it).
 */
record AuditQuery(String user, String credentialId, String tool, Set<Outcome> outcomes, Instant from, Instant to,
                  Position before, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    AuditQuery {
        outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** Where a page ended: the time and id of its last (oldest) entry. */
    record Position(Instant occurredAt, long id) {
        /** Opaque to clients: {@code <epoch millis>.<id>}, base64url. */
        String encode() {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (occurredAt.toEpochMilli() + "." + id).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }

        static Position decode(String cursor) {
            try {
                String text = new String(java.util.Base64.getUrlDecoder().decode(cursor),
                        java.nio.charset.StandardCharsets.US_ASCII);
                int dot = text.indexOf('.');
                return new Position(Instant.ofEpochMilli(Long.parseLong(text.substring(0, dot))),
                        Long.parseLong(text.substring(dot + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("invalid cursor");
            }
        }
    }
}
