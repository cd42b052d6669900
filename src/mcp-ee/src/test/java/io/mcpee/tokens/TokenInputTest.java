package io.mcpee.tokens;

import io.mcpee.api.Rate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenInputTest {
    private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern VARCHAR = Pattern.compile("(?m)^\\s*(\\w+)\\s+VARCHAR\\((\\d+)\\)");

    @Test
    void limitsAreTheColumnSizesOfTheMigration() throws IOException {
        Map<String, Integer> columns = varcharColumns("io/mcpee/migration/V1__mcpee_tables.sql");
        assertEquals(TokenInput.TOKEN_NAME, columns.get("mcpee_agent_token.name"));
        assertEquals(TokenInput.OWNER, columns.get("mcpee_agent_token.owner_name"));
        assertEquals(TokenInput.RATE_LIMIT, columns.get("mcpee_agent_token.rate_limit"));
        assertEquals(TokenInput.PERMISSION, columns.get("mcpee_agent_token_permission.permission"));
        assertEquals(TokenInput.PERMISSION, columns.get("mcpee_token_group_permission.permission"));
        assertEquals(TokenInput.GROUP_NAME, columns.get("mcpee_token_group.name"));
    }

    /** A later migration that changed these columns would make the limits wrong: it must change them too. */
    @Test
    void noLaterMigrationChangesTheTokenTables() throws IOException {
        try (DirectoryStream<Path> migrations = Files.newDirectoryStream(
                Path.of("src/main/resources/io/mcpee/migration"), "V*.sql")) {
            for (Path migration : migrations) {
                if (!migration.getFileName().toString().startsWith("V1__")) {
                    String sql = Files.readString(migration);
                    assertFalse(Pattern.compile("ALTER TABLE mcpee_(agent_token|token_group)",
                            Pattern.CASE_INSENSITIVE).matcher(sql).find(), migration
                            + " alters a token table; update TokenInput");
                }
            }
        }
    }

    @Test
    void aNormalizedRateFitsItsColumn() {
        assertTrue(Rate.parse("999999999/second").toString().length() <= TokenInput.RATE_LIMIT);
    }

    @Test
    void textIsStrippedAndMayFillItsColumn() {
        assertEquals("a b", TokenInput.text("name", "  a b \t", 3));
        assertEquals("x".repeat(200), TokenInput.text("name", "x".repeat(200), 200));
        String pairs = "\uD83D\uDE00".repeat(100);
        assertEquals(pairs, TokenInput.text("name", pairs, 200), "100 surrogate pairs are 200 units, as H2 counts");
        assertEquals("é中", TokenInput.text("name", "é中", 2));
    }

    @Test
    void missingBlankLongAndControlTextIsRefused() {
        assertRefused("name is required", () -> TokenInput.text("name", null, 10));
        for (String blank : List.of("", " ", " \t\n ", "\u2003")) {
            assertRefused("owner must not be blank", () -> TokenInput.text("owner", blank, 10));
        }
        assertRefused("name must be at most 200 characters long", () -> TokenInput.text("name", "x".repeat(201),
                200));
        assertRefused("name must be at most 200 characters long",
                () -> TokenInput.text("name", "\uD83D\uDE00".repeat(101), 200));
        for (String bad : List.of("\u0000", "a\u0000b", "a\nb", "a\tb", "a\rb", "a\u001bb", "a\u007fb", "a\u0085b",
                "a\u009fb", "\uD800", "a\uD800b", "\uDC00a", "a\uDE00\uD83D", "a\uD83D")) {
            String secretish = "mcp_" + bad;
            String message = assertRefused("each permission must not contain control characters or unpaired "
                    + "surrogates", () -> TokenInput.text("each permission", secretish, 200));
            assertFalse(message.contains(secretish), "the value is not repeated");
        }
    }

    @Test
    void setsAreCheckedElementByElement() {
        assertEquals(Set.of(), TokenInput.texts("each permission", null, 10));
        assertEquals(Set.of("a", "b"), TokenInput.texts("each permission", Set.of(" a", "a", "b "), 10));
        assertRefused("each group name must not be blank", () -> TokenInput.texts("each group name",
                Set.of("a", ""), 10));
    }

    @Test
    void expiryStopsAtTheEndOfYear9999() {
        assertEquals(TokenInput.LATEST_EXPIRY, TokenInput.expiry(TokenInput.LATEST_EXPIRY));
        Timestamp.from(TokenInput.LATEST_EXPIRY); // storable
        for (Instant late : List.of(TokenInput.LATEST_EXPIRY.plusNanos(1), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.MAX)) {
            String message = assertThrows(TokenException.class, () -> TokenInput.expiry(late)).getMessage();
            assertTrue(message.startsWith("expiresAt must not be later than 9999-12-31T23:59:59Z"), message);
        }
    }

    private static String assertRefused(String message, Runnable check) {
        TokenException refused = assertThrows(TokenException.class, check::run);
        assertEquals(400, refused.status());
        assertEquals(message, refused.getMessage());
        return refused.getMessage();
    }

    /** {@code table.column} to its VARCHAR size, for every VARCHAR column the migration creates. */
    private static Map<String, Integer> varcharColumns(String resource) throws IOException {
        String sql;
        try (InputStream in = TokenInputTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, resource);
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Integer> columns = new HashMap<>();
        Matcher table = TABLE.matcher(sql);
        while (table.find()) {
            Matcher column = VARCHAR.matcher(table.group(2));
            while (column.find()) {
                columns.put(table.group(1) + "." + column.group(1), Integer.parseInt(column.group(2)));
            }
        }
        return columns;
    }
}
