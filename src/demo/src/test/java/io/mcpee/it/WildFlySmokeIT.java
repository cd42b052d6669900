package io.mcpee.it;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mcpee.it.McpClients.call;
import static io.mcpee.it.McpClients.structured;
import static io.mcpee.it.McpClients.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The product WAR on WildFly, through the official MCP Java SDK client: the same WAR as on Payara, with the server
 * configuration of server-config/wildfly. Maven starts that WildFly before this test (the failsafe execution
 * "wildfly-h2") and passes its address as {@code mcpee.wildfly.url}; without it the test is skipped.
 */
@EnabledIfSystemProperty(named = WildFlySmokeIT.URL_PROPERTY, matches = ".+",
        disabledReason = "needs the WildFly that Maven starts (failsafe execution wildfly-h2)")
class WildFlySmokeIT {
    static final String URL_PROPERTY = "mcpee.wildfly.url";

    McpSyncClient client;
    private static String token;

    @BeforeEach
    void connect() throws MalformedURLException {
        URL base = URI.create(System.getProperty(URL_PROPERTY)).toURL();
        if (token == null) {
            token = TestTokens.create(base, "wendy", TestTokens.DEMO_PERMISSIONS);
        }
        client = McpClients.connect(base, token);
    }

    @AfterEach
    void close() {
        client.closeGracefully();
    }

    @Test
    void initializes() {
        McpSchema.InitializeResult result = client.getCurrentInitializationResult();
        assertEquals("2025-11-25", result.protocolVersion());
        assertEquals("mcp-ee", result.serverInfo().name());
        assertNotNull(result.capabilities().tools());
    }

    @Test
    void listsTheDemoTools() {
        List<McpSchema.Tool> tools = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = client.listTools(cursor);
            tools.addAll(page.tools());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(McpClientIT.DEMO_TOOLS, tools.stream().map(McpSchema.Tool::name).sorted().toList());
        McpSchema.Tool list = tools.stream().filter(t -> t.name().equals("list_customers")).findFirst().orElseThrow();
        assertEquals("Search customers", list.title(), "MicroProfile OpenAPI's @Operation is read");
    }

    @Test
    void readTool() {
        McpSchema.CallToolResult result = call(client, "list_customers", Map.of("limit", 5));
        assertFalse(result.isError(), () -> text(result));
        assertTrue(structured(result).get("items") instanceof List<?>, () -> text(result));
        assertTrue(((Number) structured(result).get("total")).longValue() >= 0);
    }

    @Test
    void writeToolStoresWhatReadToolsFind() throws MalformedURLException {
        String name = "WildFly " + UUID.randomUUID();
        McpSchema.CallToolResult created = call(client, "create_customer",
                Map.of("customer", Map.of("name", name, "email", "a@example.com")));
        assertFalse(created.isError(), () -> text(created));
        Number id = (Number) structured(created).get("id");
        assertNotNull(id, () -> text(created));
        // the WAR's own HttpAuthenticationMechanism (open mode) made the caller: Jakarta Security works here
        assertEquals("wendy", structured(created).get("owner"), "the agent acts as its token's owner");

        McpSchema.CallToolResult retrieved = call(client, "retrieve_customer", Map.of("id", id));
        assertFalse(retrieved.isError(), () -> text(retrieved));
        assertEquals(name, structured(retrieved).get("name"));
        assertEquals("a@example.com", structured(retrieved).get("email"));

        McpSchema.CallToolResult found = call(client, "list_customers", Map.of("q", name, "limit", 5));
        assertFalse(found.isError(), () -> text(found));
        assertEquals(1, ((Number) structured(found).get("total")).intValue(), () -> text(found));

        // a link the resource builds with UriInfo is the REST URI under RESTEasy too
        assertFalse(call(client, "create_customer", Map.of("customer", Map.of("name", name, "phone", "2")))
                .isError());
        McpSchema.CallToolResult firstPage = call(client, "list_customers", Map.of("q", name, "limit", 1));
        String next = String.valueOf(structured(firstPage).get("next"));
        URL base = URI.create(System.getProperty(URL_PROPERTY)).toURL();
        String api = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort()
                + base.getPath().replaceAll("/$", "") + "/api/customers?";
        assertTrue(next.startsWith(api) && next.contains("offset=1"), next);

        McpSchema.CallToolResult activity = call(client, "list_activity", Map.of("limit", 1));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) structured(activity).get("result");
        assertEquals("CustomerResource.create", entries.get(0).get("operation"), "the activity feed, a @Stateless resource, saw it");
        assertEquals("wendy", entries.get(0).get("user"));
    }
}
