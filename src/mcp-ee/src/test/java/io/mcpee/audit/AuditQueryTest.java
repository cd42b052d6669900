package io.mcpee.audit;

import io.mcpee.audit.AuditQuery.Position;
import io.mcpee.results.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An audit search's limits and filters, and the keyset cursor of its pages. */
class AuditQueryTest {
    private static final Instant AT = Instant.parse("2025-06-01T12:34:56.789Z");

    private static AuditQuery query(Set<Outcome> outcomes, int limit) {
        return new AuditQuery(null, null, null, outcomes, null, null, null, limit);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aPositionSurvivesItsCursor() {
        for (Position position : new Position[] {new Position(AT, 42), new Position(AT, 0),
                new Position(Instant.EPOCH, 1), new Position(Instant.ofEpochMilli(-1), Long.MAX_VALUE),
                new Position(Instant.parse("9999-12-31T23:59:59.999Z"), 123456789012L)}) {
            String cursor = position.encode();
            assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "URL-safe, unpadded: " + cursor);
            assertEquals(position, Position.decode(cursor));
        }
    }

    @Test
    void theCursorIsMillisDotIdInBase64Url() {
        assertEquals(base64(AT.toEpochMilli() + ".42"), new Position(AT, 42).encode());
        assertEquals(new Position(AT, 7), Position.decode(base64(AT.toEpochMilli() + ".7")));
    }

    @Test
    void aCursorKeepsMillisecondsOnly() {
        Position precise = new Position(AT.plusNanos(123_456), 5);
        assertEquals(new Position(AT, 5), Position.decode(precise.encode()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%%", "", "abc", "eC55", "MTIz", "LjQy", "MTIzLg", "MTIzLjQyLjE", "MTIzLjQy==",
            "MTIzLjQy+/", "MTIz LjQy", "bm9ub3NlbnNl"})
    void garbageIsAnInvalidCursor(String cursor) {
        // eC55 is x.y, MTIz 123, LjQy .42, MTIzLg 123., MTIzLjQyLjE 123.42.1
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Position.decode(cursor));
        assertEquals("invalid cursor", e.getMessage());
    }

    @Test
    void aHugeOrNullCursorIsInvalidToo() {
        assertEquals("invalid cursor", assertThrows(IllegalArgumentException.class,
                () -> Position.decode(base64("9".repeat(30) + ".1"))).getMessage());
        assertEquals("invalid cursor", assertThrows(IllegalArgumentException.class,
                () -> Position.decode(base64("1." + "9".repeat(30)))).getMessage());
        assertEquals("invalid cursor", assertThrows(IllegalArgumentException.class,
                () -> Position.decode(null)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 501, 10_000})
    void aLimitOutsideOneTo500IsRefused(int limit) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> query(null, limit));
        assertEquals("limit must be between 1 and 500", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, AuditQuery.DEFAULT_LIMIT, 499, AuditQuery.MAX_LIMIT})
    void aLimitFromOneTo500IsAccepted(int limit) {
        assertEquals(limit, query(null, limit).limit());
    }

    @Test
    void noOutcomesIsTheEmptySetAndTheSetIsACopy() {
        assertEquals(Set.of(), query(null, 10).outcomes());
        Set<Outcome> outcomes = new HashSet<>(EnumSet.of(Outcome.DENIED, Outcome.ERROR));
        AuditQuery query = query(outcomes, 10);
        outcomes.add(Outcome.SUCCESS);
        assertEquals(Set.of(Outcome.DENIED, Outcome.ERROR), query.outcomes());
        assertThrows(UnsupportedOperationException.class, () -> query.outcomes().add(Outcome.THROTTLED));
    }

    @Test
    void theFiltersAreKept() {
        Position before = new Position(AT, 9);
        AuditQuery query = new AuditQuery("ada", "tok-1", "ping", Set.of(Outcome.SUCCESS), AT.minusSeconds(60), AT,
                before, 20);
        assertEquals("ada", query.user());
        assertEquals("tok-1", query.credentialId());
        assertEquals("ping", query.tool());
        assertEquals(Set.of(Outcome.SUCCESS), query.outcomes());
        assertEquals(AT.minusSeconds(60), query.from());
        assertEquals(AT, query.to());
        assertEquals(before, query.before());
    }
}
