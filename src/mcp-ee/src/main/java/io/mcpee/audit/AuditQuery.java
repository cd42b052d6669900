package io.mcpee.audit;

import io.mcpee.results.Outcome;

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
    /** What every database stores and every JDBC driver converts: years 1 to 9999. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    AuditQuery {
        outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        requireInRange("from", from);
        requireInRange("to", to);
    }

    /** Instants the database can compare with: years 1 to 9999. */
    static void requireInRange(String name, Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new IllegalArgumentException(name + " must be between years 1 and 9999");
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
                Instant at = Instant.ofEpochMilli(Long.parseLong(text.substring(0, dot)));
                requireInRange("cursor", at);
                return new Position(at, Long.parseLong(text.substring(dot + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("invalid cursor");
            }
        }
    }
}
