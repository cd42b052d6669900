package io.mcpee.it;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit log on PostgreSQL, as production runs it (the "payara-postgresql" execution, whose deployment purges
 * every 2 s in batches of 2): a call's entry read straight from the table; the fail-closed rule with the database
 * really refusing the entry (a CHECK constraint added for the test), so the create rolls back and the agent gets an
 * error; a commit refused after the entry was written (a deferred constraint trigger): a 500 and only its ERROR
 * entry; the retention purge deleting old entries and keeping the rest.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditPostgresqlIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @Test
    void theEntryIsInPostgresql() throws Exception {
        String name = "Audited in PostgreSQL " + UUID.randomUUID();
        String token = TestTokens.create(base, "erin", "customers:write");
        McpSyncClient client = McpClients.connect(base, token);
        try {
            McpSchema.CallToolResult created = McpClients.call(client, "create_customer",
                    Map.of("customer", Map.of("name", name, "email", "erin@example.com", "ssn", "987-65-4321")));
            assertFalse(created.isError(), () -> McpClients.text(created));
        } finally {
            client.closeGracefully();
        }
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT principal, credential_kind, credential_name, tool_name, target, arguments, outcome, status,"
                        + " error_message, duration_ms, session_id, request_id, client_name, occurred_at"
                        + " FROM mcpee_store.mcpee_audit_entry WHERE arguments LIKE ?")) {
            query.setString(1, "%" + name + "%");
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the entry is in PostgreSQL");
                assertEquals("erin", row.getString("principal"));
                assertEquals("AGENT_TOKEN", row.getString("credential_kind"));
                assertEquals("it erin", row.getString("credential_name"));
                assertEquals("create_customer", row.getString("tool_name"));
                assertEquals("io.mcpee.demo.CustomerResource.create", row.getString("target"));
                assertTrue(row.getString("arguments").contains("\"ssn\":\"***\""), row.getString("arguments"));
                assertFalse(row.getString("arguments").contains("987-65-4321"));
                assertEquals("SUCCESS", row.getString("outcome"));
                assertEquals(201, row.getInt("status"));
                assertEquals(null, row.getString("error_message"));
                assertTrue(row.getLong("duration_ms") >= 0);
                assertFalse(row.getString("session_id").isBlank());
                assertFalse(row.getString("request_id").isBlank());
                assertFalse(row.getString("client_name").isBlank());
                OffsetDateTime at = row.getObject("occurred_at", OffsetDateTime.class);
                assertTrue(Math.abs(at.toInstant().toEpochMilli() - System.currentTimeMillis()) < 600_000, at::toString);
                assertFalse(row.next(), "exactly one entry");
            }
        }
    }

    @Test
    void aRefusedEntryRollsAnAgentsRestChangeBack() throws Exception {
        String probe = "rest-rollback-probe-" + UUID.randomUUID();
        String constraint = "audit_it_" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.create(base, "gina", "customers:read", "customers:write");
        String customer = Json.createObjectBuilder().add("name", probe).add("email", "gina@example.com").build()
                .toString();
        try (Connection db = TestDatabase.connect(); Statement ddl = db.createStatement()) {
            ddl.execute("ALTER TABLE mcpee_store.mcpee_audit_entry ADD CONSTRAINT " + constraint
                    + " CHECK (outcome <> 'SUCCESS' OR arguments NOT LIKE '%" + probe + "%')");
            HttpResponse<String> refused = rest(token, "POST", "api/customers", customer);
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("the call was not carried out because its audit entry could not be"
                    + " written"), refused.body());
            assertEquals(0, count(db, "SELECT count(*) FROM customer WHERE name = ?", probe),
                    "the REST create was rolled back with its entry");
            try (PreparedStatement query = db.prepareStatement("SELECT channel, tool_name, http_method, outcome,"
                    + " status FROM mcpee_store.mcpee_audit_entry WHERE arguments LIKE ?")) {
                query.setString(1, "%" + probe + "%");
                try (ResultSet row = query.executeQuery()) {
                    assertTrue(row.next(), "the refusal is recorded");
                    assertEquals("REST", row.getString(1));
                    assertEquals("create_customer", row.getString(2));
                    assertEquals("POST", row.getString(3));
                    assertEquals("ERROR", row.getString(4));
                    assertEquals(503, row.getInt(5));
                    assertFalse(row.next());
                }
            }
        } finally {
            try (Connection db = TestDatabase.connect(); Statement ddl = db.createStatement()) {
                ddl.execute("ALTER TABLE mcpee_store.mcpee_audit_entry DROP CONSTRAINT IF EXISTS " + constraint);
            }
        }
        HttpResponse<String> created = rest(token, "POST", "api/customers", customer);
        assertEquals(201, created.statusCode(), created.body());
        try (Connection db = TestDatabase.connect()) {
            assertEquals(1, count(db, "SELECT count(*) FROM customer WHERE name = ?", probe));
            assertEquals(1, count(db, "SELECT count(*) FROM mcpee_store.mcpee_audit_entry WHERE channel = 'REST'"
                    + " AND outcome = 'SUCCESS' AND arguments LIKE ?", "%" + probe + "%"));
        }
    }

    /**
     * Reads have their entries committed in batches (group commit): many concurrent reads take fewer transactions
     * than entries (rows of one PostgreSQL transaction share their {@code xmin}), every read is recorded once, and an
     * entry the database refuses fails only its own read, not the others of its batch.
     */
    @Test
    void concurrentReadsShareCommitsAndARefusedEntryFailsOnlyItsOwnRead() throws Exception {
        String probe = "group-probe-" + UUID.randomUUID();
        String refusedQuery = probe + "-refused";
        String constraint = "audit_it_" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.create(base, "hana", "customers:read");
        int reads = 64;
        Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        try (Connection db = TestDatabase.connect(); Statement ddl = db.createStatement()) {
            ddl.execute("ALTER TABLE mcpee_store.mcpee_audit_entry ADD CONSTRAINT " + constraint
                    + " CHECK (outcome <> 'SUCCESS' OR arguments NOT LIKE '%" + refusedQuery + "%')");
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(16);
            try {
                java.util.List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
                for (int i = 0; i < reads; i++) {
                    int read = i;
                    String query = read == 7 ? refusedQuery : probe + "-" + read;
                    sent.add(threads.submit(() -> {
                        statuses.put(read, rest(token, "GET", "api/customers?q=" + query, "").statusCode());
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> one : sent) {
                    one.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            for (int i = 0; i < reads; i++) {
                assertEquals(i == 7 ? 503 : 200, statuses.get(i), "read " + i);
            }
            assertEquals(reads, count(db, "SELECT count(*) FROM mcpee_store.mcpee_audit_entry WHERE arguments LIKE ?",
                    "%" + probe + "%"), "each read recorded once");
            assertEquals(1, count(db, "SELECT count(*) FROM mcpee_store.mcpee_audit_entry WHERE arguments LIKE ?"
                    + " AND outcome = 'ERROR' AND status = 503", "%" + refusedQuery + "%"));
            long transactions = count(db, "SELECT count(DISTINCT xmin::text) FROM mcpee_store.mcpee_audit_entry"
                    + " WHERE outcome = 'SUCCESS' AND arguments LIKE ?", "%" + probe + "%");
            assertTrue(transactions < reads - 1, (reads - 1) + " concurrent reads' entries committed in "
                    + transactions + " transactions");
        } finally {
            try (Connection db = TestDatabase.connect(); Statement ddl = db.createStatement()) {
                ddl.execute("ALTER TABLE mcpee_store.mcpee_audit_entry DROP CONSTRAINT IF EXISTS " + constraint);
            }
        }
    }

    private HttpResponse<String> rest(String token, String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRefusedEntryRollsTheCallBack() throws Exception {
        String probe = "audit-rollback-probe-" + UUID.randomUUID();
        String constraint = "audit_it_" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.create(base, "frank", "customers:read", "customers:write");
        try (Connection db = TestDatabase.connect(); Statement ddl = db.createStatement()) {
            // the database now refuses the SUCCESS entry of any call whose arguments carry the probe
            ddl.execute("ALTER TABLE mcpee_store.mcpee_audit_entry ADD CONSTRAINT " + constraint
                    + " CHECK (outcome <> 'SUCCESS' OR arguments NOT LIKE '%" + probe + "%')");
            McpSyncClient client = McpClients.connect(base, token);
            try {
                McpSchema.CallToolResult created = McpClients.call(client, "create_customer",
                        Map.of("customer", Map.of("name", probe, "email", "frank@example.com")));
                assertTrue(created.isError(), "fail closed");
                assertTrue(McpClients.text(created).startsWith("HTTP 503 Service Unavailable: the call was not"
                        + " carried out because its audit entry could not be written"), McpClients.text(created));
                // a read fails closed as well: its result is not given out unrecorded
                McpSchema.CallToolResult listed = McpClients.call(client, "list_customers", Map.of("q", probe));
                assertTrue(listed.isError());
                assertTrue(McpClients.text(listed).startsWith("HTTP 503"), McpClients.text(listed));
            } finally {
                client.closeGracefully();
            }
            assertEquals(0, count(db, "SELECT count(*) FROM customer WHERE name = ?", probe),
                    "the create was rolled back with its entry");
            // what happened is recorded all the same, as the failure it was
            try (PreparedStatement query = db.prepareStatement("SELECT tool_name, outcome, status, error_message"
                    + " FROM mcpee_store.mcpee_audit_entry WHERE arguments LIKE ? ORDER BY occurred_at, id")) {
                query.setString(1, "%" + probe + "%");
                try (ResultSet rows = query.executeQuery()) {
                    for (String tool : new String[] {"create_customer", "list_customers"}) {
                        assertTrue(rows.next(), tool);
                        assertEquals(tool, rows.getString(1));
                        assertEquals("ERROR", rows.getString(2));
                        assertEquals(503, rows.getInt(3));
                        assertTrue(rows.getString(4).contains("audit entry could not be written"));
                    }
                    assertFalse(rows.next());
                }
            }
        } finally {
            try (Connection db = TestDatabase.connect(); Statement ddl = db.createStatement()) {
                ddl.execute("ALTER TABLE mcpee_store.mcpee_audit_entry DROP CONSTRAINT IF EXISTS " + constraint);
            }
        }
        // with the database taking entries again, the same call goes through
        McpSyncClient client = McpClients.connect(base, token);
        try {
            McpSchema.CallToolResult created = McpClients.call(client, "create_customer",
                    Map.of("customer", Map.of("name", probe, "email", "frank@example.com")));
            assertFalse(created.isError(), () -> McpClients.text(created));
        } finally {
            client.closeGracefully();
        }
        try (Connection db = TestDatabase.connect()) {
            assertEquals(1, count(db, "SELECT count(*) FROM customer WHERE name = ?", probe));
        }
    }

    @Test
    void aCommitThatFailsAfterTheEntryIsA500AndLeavesOnlyItsErrorEntry() throws Exception {
        String probe = "commit-probe-" + UUID.randomUUID();
        String token = TestTokens.create(base, "gina", "customers:write");
        try (Connection db = TestDatabase.connect(); Statement ddl = db.createStatement()) {
            // PostgreSQL refuses the customer only when the transaction commits: after the entry was written
            ddl.execute("CREATE OR REPLACE FUNCTION audit_it_refuse_probe() RETURNS trigger AS $$ BEGIN"
                    + " IF NEW.name LIKE 'commit-probe-%' THEN RAISE EXCEPTION 'refused at commit'; END IF;"
                    + " RETURN NEW; END $$ LANGUAGE plpgsql");
            ddl.execute("DROP TRIGGER IF EXISTS audit_it_commit_probe ON customer");
            ddl.execute("CREATE CONSTRAINT TRIGGER audit_it_commit_probe AFTER INSERT ON customer"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_it_refuse_probe()");
            McpSyncClient client = McpClients.connect(base, token);
            try {
                McpSchema.CallToolResult created = McpClients.call(client, "create_customer",
                        Map.of("customer", Map.of("name", probe, "email", "gina@example.com")));
                assertTrue(created.isError());
                assertTrue(McpClients.text(created).startsWith("HTTP 500 Internal Server Error: the call's changes"
                        + " could not be committed"), McpClients.text(created));
                assertFalse(McpClients.text(created).contains("refused at commit"), "no database detail");
            } finally {
                client.closeGracefully();
            }
            assertEquals(0, count(db, "SELECT count(*) FROM customer WHERE name = ?", probe));
            try (PreparedStatement query = db.prepareStatement("SELECT outcome, status FROM mcpee_store.mcpee_audit_entry"
                    + " WHERE arguments LIKE ?")) {
                query.setString(1, "%" + probe + "%");
                try (ResultSet rows = query.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals("ERROR", rows.getString(1), "the SUCCESS entry went with the failed commit");
                    assertEquals(500, rows.getInt(2));
                    assertFalse(rows.next(), "exactly one entry");
                }
            }
        } finally {
            try (Connection db = TestDatabase.connect(); Statement ddl = db.createStatement()) {
                ddl.execute("DROP TRIGGER IF EXISTS audit_it_commit_probe ON customer");
                ddl.execute("DROP FUNCTION IF EXISTS audit_it_refuse_probe()");
            }
        }
    }

    /** The counts of unauthenticated requests are audit data too: the same retention applies to them. */
    @Test
    void theRetentionPurgeDeletesOldEntriesInBatches() throws Exception {
        String old = "purge_old_" + UUID.randomUUID().toString().substring(0, 8);
        String kept = "purge_kept_" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection db = TestDatabase.connect()) {
            // older than the default retention (P365D), five of them: three batches of at most two
            for (int i = 0; i < 5; i++) {
                insert(db, old, now.minusDays(400 + i));
            }
            insert(db, kept, now.minusDays(300));
            for (int i = 0; i < 3; i++) {
                insertTally(db, old, now.minusDays(400 + i));
            }
            insertTally(db, kept, now.minusDays(300));
            long remaining = 8;
            for (int attempt = 0; attempt < 120 && remaining > 0; attempt++) {
                Thread.sleep(500);
                remaining = count(db, "SELECT count(*) FROM mcpee_store.mcpee_audit_entry WHERE tool_name = ?", old)
                        + count(db, "SELECT count(*) FROM mcpee_store.mcpee_audit_unauthenticated WHERE client_ip = ?", old);
            }
            assertEquals(0, remaining, "purged by the timer (every 2 s in this deployment)");
            assertEquals(1, count(db, "SELECT count(*) FROM mcpee_store.mcpee_audit_entry WHERE tool_name = ?", kept),
                    "younger than the retention period: kept");
            assertEquals(1, count(db, "SELECT count(*) FROM mcpee_store.mcpee_audit_unauthenticated WHERE client_ip = ?", kept),
                    "a count younger than the retention period: kept");
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM mcpee_store.mcpee_audit_entry WHERE tool_name = ?");
                 PreparedStatement deleteTally = db.prepareStatement(
                         "DELETE FROM mcpee_store.mcpee_audit_unauthenticated WHERE client_ip = ?")) {
                delete.setString(1, kept);
                delete.executeUpdate();
                deleteTally.setString(1, kept);
                deleteTally.executeUpdate();
            }
        }
    }

    private static void insert(Connection db, String tool, OffsetDateTime at) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO mcpee_store.mcpee_audit_entry (occurred_at, principal,"
                + " credential_kind, channel, tool_name, arguments, outcome, status, duration_ms)"
                + " VALUES (?, 'purge-it', 'ANONYMOUS', 'MCP', ?, '{}', 'SUCCESS', 200, 1)")) {
            insert.setObject(1, at);
            insert.setString(2, tool);
            insert.executeUpdate();
        }
    }

    private static void insertTally(Connection db, String clientIp, OffsetDateTime end) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO mcpee_store.mcpee_audit_unauthenticated (period_start,"
                + " period_end, client_ip, requests) VALUES (?, ?, ?, 7)")) {
            insert.setObject(1, end.minusMinutes(1));
            insert.setObject(2, end);
            insert.setString(3, clientIp);
            insert.executeUpdate();
        }
    }

    private static long count(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
