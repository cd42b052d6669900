package io.mcpee.tokens;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the token administration API accepts as text and expiry, checked before anything is stored, so that the
 * database never has to refuse a value (H2 did, with a 500 and the SQL statement in the log). Each limit is the size
 * of its column in {@code db/migration/V2__agent_tokens.sql}; the entities' mappings use the same constants and
 * {@code TokenInputTest} compares them with the migration. Lengths count UTF-16 units, as H2 counts them (a character
 * outside the BMP is two); PostgreSQL counts code points, never more, so what fits H2 fits PostgreSQL too.
 */
final class TokenInput {
    /** {@code agent_token.name}. */
    static final int TOKEN_NAME = 200;
    /** {@code agent_token.owner_name}. */
    static final int OWNER = 200;
    /** {@code agent_token_permission.permission} and {@code token_group_permission.permission}. */
    static final int PERMISSION = 200;
    /** {@code token_group.name}. */
    static final int GROUP_NAME = 100;
    /** {@code agent_token.rate_limit}; a normalized rate is far shorter (TokenService stores only those). */
    static final int RATE_LIMIT = 40;
    /**
     * The latest expiry a token may have. Later instants are no real expiry ({@code neverExpires} says "never"),
     * and far later ones overflow {@code java.sql.Timestamp} or the database's TIMESTAMP range.
     */
    static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    private TokenInput() {
    }

    /**
     * {@code value} stripped of surrounding blanks, as it is stored.
     *
     * @param what how the message names the value, e.g. {@code "name"} or {@code "each permission"}
     * @throws TokenException 400 if it is missing or blank, holds control characters or unpaired surrogates
     *                        (PostgreSQL cannot store those; a name with a newline or a NUL is no name), or is longer
     *                        than {@code max} once stripped. The message never repeats the value.
     */
    static String text(String what, String value, int max) {
        if (value == null) {
            throw refused(what + " is required");
        }
        String clean = value.strip();
        if (clean.isEmpty()) {
            throw refused(what + " must not be blank");
        }
        if (!printable(clean)) {
            throw refused(what + " must not contain control characters or unpaired surrogates");
        }
        if (clean.length() > max) {
            throw refused(what + " must be at most " + max + " characters long");
        }
        return clean;
    }

    /** Each of {@code values} checked as {@link #text}; null is none. */
    static Set<String> texts(String what, Set<String> values, int max) {
        Set<String> clean = new LinkedHashSet<>();
        if (values != null) {
            values.forEach(value -> clean.add(text(what, value, max)));
        }
        return clean;
    }

    /** {@code expiresAt} if a database can keep it and it means an expiry; otherwise a 400. */
    static Instant expiry(Instant expiresAt) {
        if (expiresAt.isAfter(LATEST_EXPIRY)) {
            throw refused("expiresAt must not be later than " + LATEST_EXPIRY
                    + "; for a token that does not expire, send neverExpires: true");
        }
        return stored(expiresAt);
    }

    /**
     * An instant as the token table keeps it, to the millisecond: what a token shows is the same whether it was
     * just made or read back from the database (which keeps at most microseconds).
     */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** No control character (C0, DEL, C1) and every surrogate in a pair. */
    static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++; // the pair's low half
            }
        }
        return true;
    }

    private static TokenException refused(String message) {
        return new TokenException(400, message);
    }
}
