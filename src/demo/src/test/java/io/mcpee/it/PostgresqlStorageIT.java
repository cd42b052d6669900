package io.mcpee.it;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs only in the "payara-postgresql" execution: proves the deployment really stores in PostgreSQL (and not in
 * the server's built-in default database) by reading what a tool call wrote straight from PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PostgresqlStorageIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @Test
    void toolCallsWriteToPostgresql() throws Exception {
        String name = "Stored in PostgreSQL " + UUID.randomUUID();
        String token = TestTokens.create(base, "dora", "customers:write");
        McpSyncClient client = McpClients.connect(base, token);
        try {
            McpSchema.CallToolResult created = McpClients.call(client, "create_customer",
                    Map.of("customer", Map.of("name", name, "email", "pg@example.com")));
            assertFalse(created.isError(), () -> McpClients.text(created));
        } finally {
            client.closeGracefully();
        }
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT email, owner_name FROM customer WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the customer is in PostgreSQL");
                assertEquals("pg@example.com", row.getString(1));
                assertEquals("dora", row.getString(2));
            }
            // the token's plaintext, and its secret part alone, are nowhere in the token table
            String secret = token.substring(token.lastIndexOf('_') + 1);
            try (ResultSet tokens = connection.createStatement().executeQuery("SELECT * FROM mcpee_store.mcpee_agent_token")) {
                int columns = tokens.getMetaData().getColumnCount();
                int rows = 0;
                while (tokens.next()) {
                    rows++;
                    for (int i = 1; i <= columns; i++) {
                        String value = String.valueOf(tokens.getObject(i));
                        assertFalse(value.contains(secret), "column " + tokens.getMetaData().getColumnName(i));
                    }
                }
                assertTrue(rows >= 2, "the bootstrap admin token and dora's");
            }
            try (ResultSet history = connection.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success")) {
                assertTrue(history.next());
                assertTrue(history.getInt(1) >= 1, "Flyway made the schema");
            }
        }
    }
}
