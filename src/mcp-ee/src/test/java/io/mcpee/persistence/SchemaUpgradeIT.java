package io.mcpee.persistence;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database made by the demo before mcp-ee was a library (its migrations V1–V3, or V1–V4, in the application's
 * schema and history) is taken over by the library's migrations, on H2 and on a real PostgreSQL: every token (key,
 * hash, times, permissions, groups) and every audit entry and tally is there afterwards in mcp-ee's schema, with its
 * id, the old tables are gone, and new rows are numbered after the old. The application's own tables and history
 * stay as they were.
 */
class SchemaUpgradeIT {
    private static final Instant CREATED = Instant.parse("2026-11-01T10:15:30.123Z");
    private static final Instant EXPIRES = Instant.parse("2027-02-01T00:00:00Z");
    private static final Instant USED = Instant.parse("2026-11-20T08:00:00.5Z");
    private static final Instant AUDITED = Instant.parse("2026-11-21T09:30:00.25Z");

    @ParameterizedTest(name = "{0}, legacy migrations up to V{1}")
    @CsvSource({"h2, 3", "h2, 4", "postgresql, 3", "postgresql, 4"})
    void aDatabaseOfTheDemoBeforeTheLibraryIsTakenOver(String database, int legacyVersion) throws Exception {
        try (Connection connection = connect(database)) {
            String appSchema = connection.getSchema();
            // the demo as it was: its Flyway, its history, every table in its schema
            Flyway.configure().dataSource(new OneConnection(connection)).locations("classpath:legacy-schema")
                    .target(String.valueOf(legacyVersion)).load().migrate();
            try (Statement sql = connection.createStatement()) {
                sql.executeUpdate("INSERT INTO token_group (id, name) VALUES (5, 'readers')");
                sql.executeUpdate("INSERT INTO token_group_permission (group_id, permission)"
                        + " VALUES (5, 'articles:read')");
                sql.executeUpdate("INSERT INTO customer (id, name, owner_name, created_at)"
                        + " VALUES (1, 'Ada', 'ada', CURRENT_TIMESTAMP)");
            }
            try (PreparedStatement token = connection.prepareStatement("INSERT INTO agent_token (id, key_id,"
                    + " secret_hash, name, owner_name, active, created_at, expires_at, last_used_at, rate_limit)"
                    + " VALUES (41, 'aaaaaaaaaaaaaaaa', ?, 'reader', 'ada', TRUE, ?, ?, ?, '100/minute')")) {
                token.setString(1, "f".repeat(64));
                // as the JPA converter of the time wrote them: java.sql.Timestamp in the server's time zone
                token.setTimestamp(2, Timestamp.from(CREATED));
                token.setTimestamp(3, Timestamp.from(EXPIRES));
                token.setTimestamp(4, Timestamp.from(USED));
                token.executeUpdate();
            }
            try (Statement sql = connection.createStatement()) {
                sql.executeUpdate("INSERT INTO agent_token_permission (token_id, permission)"
                        + " VALUES (41, 'customers:read')");
                sql.executeUpdate("INSERT INTO agent_token_group (token_id, group_id) VALUES (41, 5)");
            }
            try (PreparedStatement entry = connection.prepareStatement("INSERT INTO audit_entry (id, occurred_at,"
                    + " principal, credential_kind, credential_id, credential_name, tool_name, target, arguments,"
                    + " outcome, status, duration_ms, client_ip, session_id, request_id, client_name,"
                    + " client_version) VALUES (77, ?, 'ada', 'AGENT_TOKEN', '41', 'reader', 'list_customers',"
                    + " 'CustomerResource.list', '{\"limit\":1}', 'SUCCESS', 200, 3, '127.0.0.1', 's', '1', 'it',"
                    + " '1')");
                 PreparedStatement tally = connection.prepareStatement("INSERT INTO audit_unauthenticated (id,"
                         + " period_start, period_end, client_ip, requests) VALUES (9, ?, ?, '10.0.0.1', 12)")) {
                entry.setObject(1, AUDITED.atOffset(ZoneOffset.UTC));
                entry.executeUpdate();
                tally.setObject(1, AUDITED.atOffset(ZoneOffset.UTC));
                tally.setObject(2, AUDITED.plusSeconds(60).atOffset(ZoneOffset.UTC));
                tally.executeUpdate();
            }

            // the library's migrations, as the server runs them at start
            SchemaMigrations.migrateTables(connection, "mcpee_store_it");
            assertEquals(appSchema, connection.getSchema(), "the connection is left in the application's schema");

            String t = "mcpee_store_it.mcpee_";
            try (Statement sql = connection.createStatement();
                 ResultSet token = sql.executeQuery("SELECT id, key_id, secret_hash, name, owner_name, active,"
                         + " created_at, expires_at, last_used_at, rate_limit FROM " + t + "agent_token")) {
                assertTrue(token.next(), "the token was taken over");
                assertEquals(41, token.getLong(1));
                assertEquals("aaaaaaaaaaaaaaaa", token.getString(2));
                assertEquals("f".repeat(64), token.getString(3));
                assertEquals("reader", token.getString(4));
                assertEquals("ada", token.getString(5));
                assertTrue(token.getBoolean(6));
                assertEquals(CREATED, token.getObject(7, OffsetDateTime.class).toInstant());
                assertEquals(EXPIRES, token.getObject(8, OffsetDateTime.class).toInstant());
                assertEquals(USED, token.getObject(9, OffsetDateTime.class).toInstant());
                assertEquals("100/minute", token.getString(10));
                assertFalse(token.next());
            }
            assertEquals(Set.of("customers:read"), strings(connection, "SELECT permission FROM " + t
                    + "agent_token_permission WHERE token_id = 41"));
            assertEquals(Set.of("readers"), strings(connection, "SELECT g.name FROM " + t + "agent_token_group tg"
                    + " JOIN " + t + "token_group g ON g.id = tg.group_id WHERE tg.token_id = 41"));
            assertEquals(Set.of("articles:read"), strings(connection, "SELECT permission FROM " + t
                    + "token_group_permission WHERE group_id = 5"));
            try (Statement sql = connection.createStatement();
                 ResultSet entry = sql.executeQuery("SELECT id, occurred_at, principal, credential_id, channel,"
                         + " tool_name, arguments, outcome, status, client_name FROM " + t + "audit_entry")) {
                assertTrue(entry.next(), "the audit entry was taken over");
                assertEquals(77, entry.getLong(1));
                assertEquals(AUDITED, entry.getObject(2, OffsetDateTime.class).toInstant());
                assertEquals("ada", entry.getString(3));
                assertEquals("41", entry.getString(4));
                assertEquals("MCP", entry.getString(5));
                assertEquals("list_customers", entry.getString(6));
                assertEquals("{\"limit\":1}", entry.getString(7));
                assertEquals("SUCCESS", entry.getString(8));
                assertEquals(200, entry.getInt(9));
                assertEquals("it", entry.getString(10));
                assertFalse(entry.next());
            }
            assertEquals(Set.of("10.0.0.1 12"), strings(connection, "SELECT client_ip || ' ' || requests FROM " + t
                    + "audit_unauthenticated WHERE id = 9"));

            // new rows come after the old ones
            try (Statement sql = connection.createStatement()) {
                sql.executeUpdate("INSERT INTO " + t + "token_group (name) VALUES ('writers')");
                assertEquals(Set.of("6"), strings(connection, "SELECT CAST(id AS VARCHAR(20)) FROM " + t
                        + "token_group WHERE name = 'writers'"));
            }
            // the old tables are gone; the application's own are as they were
            for (String old : List.of("agent_token", "token_group", "audit_entry", "audit_unauthenticated")) {
                assertFalse(tableExists(connection, appSchema, old), old + " is gone");
            }
            assertEquals(Set.of("Ada"), strings(connection, "SELECT name FROM customer"));
            assertEquals(String.valueOf(legacyVersion), strings(connection, "SELECT MAX(\"version\") FROM"
                    + " \"flyway_schema_history\" WHERE \"success\" = TRUE").iterator().next(),
                    "the application's history is untouched");
            // and a second start migrates nothing more
            assertEquals(0, SchemaMigrations.migrateTables(connection, "mcpee_store_it").migrationsExecuted);
        }
    }

    private static Connection connect(String database) throws SQLException {
        if (database.equals("h2")) {
            return DriverManager.getConnection("jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=0");
        }
        Assumptions.assumeFalse(Boolean.getBoolean("skipPostgresqlTests"), "PostgreSQL tests are skipped");
        Connection connection = DriverManager.getConnection("jdbc:postgresql://"
                        + System.getProperty("mcpee.test.db.host", "localhost") + ":"
                        + System.getProperty("mcpee.test.db.port", "5432") + "/"
                        + System.getProperty("mcpee.test.db.name", "mcpee"),
                System.getProperty("mcpee.test.db.user", "mcpee"), System.getProperty("mcpee.test.db.password",
                        "mcpee"));
        // a schema of its own stands for the application's, so that the test leaves the shared database alone
        String schema = "upgrade_it_" + UUID.randomUUID().toString().substring(0, 8);
        try (Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS mcpee_store_it CASCADE");
            sql.execute("CREATE SCHEMA " + schema);
        }
        connection.setSchema(schema);
        return connection;
    }

    private static Set<String> strings(Connection connection, String query) throws SQLException {
        Set<String> found = new TreeSet<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }

    private static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        List<String> names = new ArrayList<>(List.of(table, table.toUpperCase()));
        for (String name : names) {
            try (ResultSet found = connection.getMetaData().getTables(null, schema, name, new String[]{"TABLE"})) {
                if (found.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
