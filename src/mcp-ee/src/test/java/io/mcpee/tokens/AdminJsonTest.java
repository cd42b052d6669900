package io.mcpee.tokens;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminJsonTest {
    private static final String PLANTED = "mcp_0123456789abcdef_" + "7".repeat(64);

    @Test
    void aFullTokenRequestIsRead() {
        TokenRequest request = read(bytes("{\"name\":\"n\",\"owner\":\"o\",\"expiresAt\":"
                + "\"2030-01-01T00:00:00Z\",\"neverExpires\":false,\"active\":false,"
                + "\"permissions\":[\"a\",\"b\",\"a\"],\"groups\":[\"g\"],\"rateLimit\":\"5/hour\",\"unknown\":{\"ignored\":[1]}}"));
        assertEquals(new TokenRequest("n", "o", Instant.parse("2030-01-01T00:00:00Z"), false, false,
                Set.of("a", "b"), Set.of("g"), "5/hour"), request);
        assertEquals(Instant.parse("2029-12-31T23:00:00Z"), read(bytes(
                "{\"expiresAt\":\"2030-01-01T00:00:00+01:00\"}")).expiresAt(), "an offset is fine too");
    }

    @Test
    void nullIsTheSameAsAbsent() {
        assertEquals(new TokenRequest(null, null, null, null, null, null, null, null), read(bytes(
                "{\"name\":null,\"owner\":null,\"expiresAt\":null,\"neverExpires\":null,\"active\":null,"
                        + "\"permissions\":null,\"groups\":null,\"rateLimit\":null}")));
        assertEquals(new TokenRequest(null, null, null, null, null, null, null, null), read(bytes("{}")));
        TokenGroupAdminResource.GroupRequest group = TokenGroupAdminResource.GroupRequest.read(stream(bytes(
                " {\"name\":\"g\"}\n")));
        assertEquals("g", group.name());
        assertNull(group.permissions());
    }

    @Test
    void anEmptyBodyIsAskedFor() {
        for (byte[] empty : new byte[][]{null, new byte[0], bytes(" \r\n\t")}) {
            assertRefused("a JSON body is required", empty);
        }
    }

    @Test
    void unreadableBodiesNameTheProblem() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("[]", "the body must be a JSON object"),
                Map.entry("\"" + PLANTED + "\"", "the body must be a JSON object"),
                Map.entry("{\"name\":7}", "name must be a string"),
                Map.entry("{\"owner\":[\"a\"]}", "owner must be a string"),
                Map.entry("{\"rateLimit\":100}", "rateLimit must be a string"),
                Map.entry("{\"active\":\"false\"}", "active must be true or false"),
                Map.entry("{\"neverExpires\":1}", "neverExpires must be true or false"),
                Map.entry("{\"permissions\":\"x\"}", "permissions must be an array of strings"),
                Map.entry("{\"permissions\":{\"a\":1}}", "permissions must be an array of strings"),
                Map.entry("{\"permissions\":[null]}", "permissions must be an array of strings"),
                Map.entry("{\"permissions\":[\"a\",[\"b\"]]}", "permissions must be an array of strings"),
                Map.entry("{\"groups\":\"g\"}", "groups must be an array of strings"),
                Map.entry("{\"groups\":[null]}", "groups must be an array of strings"));
        cases.forEach((body, message) -> assertRefused(message, bytes(body)));
        // where, not what: the parser's own message would quote the text around it; a trailing value is Parsson's
        for (String malformed : List.of("{", "{\"name\":\"x\",}", "{\"name\":\"" + PLANTED, "{\"a\":1} {}",
                "{\"a\":1}\n" + PLANTED)) {
            TokenException refused = assertThrows(TokenException.class, () -> read(bytes(malformed)));
            assertEquals(400, refused.status());
            assertTrue(refused.getMessage().matches("the body is not valid JSON \\(line \\d+, column \\d+\\)"),
                    refused.getMessage());
            assertFalse(refused.getMessage().contains(PLANTED));
        }
        assertTrue(read(bytes("{} ")).name() == null, "trailing blanks are fine");
        // Parsson limits nesting (CVE-2023-4043): a parse error, not a StackOverflowError
        assertEquals("the body is not valid JSON or nested too deeply", assertThrows(TokenException.class,
                () -> read(bytes("{\"permissions\":" + "[".repeat(20_000)))).getMessage());
    }

    @Test
    void datesWithoutTimeOrZoneOrOfTheWrongTypeAreRefused() {
        for (String value : List.of("\"garbage\"", "\"2030-01-01\"", "12345", "true", "[]", "\"2030-01-01T00:00:00\"",
                "\"10000-01-01T00:00:00Z\"", "\"" + PLANTED + "\"")) {
            String message = assertRefused("expiresAt must be an ISO-8601 instant with a time and a zone, such as "
                    + "2030-01-01T00:00:00Z", bytes("{\"name\":\"x\",\"expiresAt\":" + value + "}"));
            assertFalse(message.contains(PLANTED));
        }
        // parseable, so the service's range check refuses it (TokenInputTest)
        assertEquals(Instant.MAX.minusNanos(999_999_999), read(bytes(
                "{\"expiresAt\":\"+1000000000-12-31T23:59:59Z\"}")).expiresAt());
    }

    @Test
    void bodiesAreUtf8() {
        assertEquals("\u00e9\uD83D\uDE00", read(bytes("{\"name\":\"\u00e9\uD83D\uDE00\"}")).name());
        assertRefused("the body is not UTF-8 text", new byte[]{'{', '"', 'n', '"', ':', '"', (byte) 0xC3, '"', '}'});
        assertRefused("the body is not UTF-8 text", "{\"name\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String assertRefused(String message, byte[] body) {
        TokenException refused = assertThrows(TokenException.class, () -> read(body),
                () -> new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8));
        assertEquals(400, refused.status());
        assertEquals(message, refused.getMessage());
        assertFalse(refused.getMessage().contains(PLANTED));
        return refused.getMessage();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Any authenticated user may call the API: a body is read only up to its limit, never held whole. */
    @Test
    void aBodyOverTheLimitIs413() {
        String padded = "{\"name\":\"n\"}" + " ".repeat(AdminJson.MAX_BODY_BYTES - 12);
        assertEquals(AdminJson.MAX_BODY_BYTES, bytes(padded).length);
        assertEquals("n", read(bytes(padded)).name());
        TokenException refused = assertThrows(TokenException.class, () -> read(bytes(padded + " ")));
        assertEquals(413, refused.status());
        assertEquals("the body must be at most 65536 bytes", refused.getMessage());
    }

    private static TokenRequest read(byte[] body) {
        return TokenRequest.read(stream(body));
    }

    /** A body as the resource receives it: a stream (null when there is none). */
    private static InputStream stream(byte[] body) {
        return body == null ? null : new ByteArrayInputStream(body);
    }
}
