package io.mcpee.it;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo CRM through the official MCP Java SDK client: discovery, schemas, and every operation end to end. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class McpClientIT {
    static final List<String> DEMO_TOOLS = List.of("create_article", "create_customer", "delete_article",
            "delete_customer", "gdpr_delete_customer", "list_activity", "list_articles", "list_customers",
            "partial_update_customer", "publish_article", "retrieve_article", "retrieve_customer", "update_article",
            "update_customer");

    @ArquillianResource
    URL base;

    McpSyncClient client;
    /** One agent token of the user alice holding every demo permission, made once per deployment. */
    private static String token;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @BeforeEach
    void connect() {
        if (token == null) {
            token = TestTokens.create(base, "alice", TestTokens.DEMO_PERMISSIONS);
        }
        client = McpClients.connect(base, token);
    }

    @AfterEach
    void close() {
        client.closeGracefully();
    }

    @Test
    void initializeNegotiatesTheLatestProtocolAndOffersTools() {
        McpSyncClient fresh = McpClients.connect(base, token);
        try {
            McpSchema.InitializeResult result = fresh.getCurrentInitializationResult();
            assertEquals("2025-11-25", result.protocolVersion());
            assertEquals("mcp-ee", result.serverInfo().name());
            assertNotNull(result.capabilities().tools());
        } finally {
            fresh.closeGracefully();
        }
    }

    @Test
    void listsEveryDemoOperationAcrossPages() {
        List<McpSchema.Tool> tools = allTools();
        assertEquals(DEMO_TOOLS, tools.stream().map(McpSchema.Tool::name).sorted().toList());
    }

    @Test
    void hintsFollowTheHttpMethod() {
        Map<String, McpSchema.Tool> tools = byName();
        McpSchema.ToolAnnotations get = tools.get("retrieve_customer").annotations();
        assertEquals(Boolean.TRUE, get.readOnlyHint());
        McpSchema.ToolAnnotations delete = tools.get("delete_customer").annotations();
        assertEquals(Boolean.FALSE, delete.readOnlyHint());
        assertEquals(Boolean.TRUE, delete.destructiveHint());
        assertEquals(Boolean.TRUE, delete.idempotentHint());
        McpSchema.ToolAnnotations put = tools.get("update_customer").annotations();
        assertEquals(Boolean.TRUE, put.idempotentHint());
        assertEquals(Boolean.FALSE, put.readOnlyHint());
        McpSchema.ToolAnnotations post = tools.get("create_customer").annotations();
        assertEquals(Boolean.FALSE, post.readOnlyHint());
        assertEquals(Boolean.FALSE, post.destructiveHint());
        assertEquals(Boolean.FALSE, tools.get("partial_update_customer").annotations().destructiveHint());
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemasCarryParametersBodiesAndConstraints() {
        Map<String, McpSchema.Tool> tools = byName();
        Map<String, Object> list = tools.get("list_customers").inputSchema();
        Map<String, Object> properties = (Map<String, Object>) list.get("properties");
        Map<String, Object> limit = (Map<String, Object>) properties.get("limit");
        assertEquals("integer", limit.get("type"));
        assertEquals(1, ((Number) limit.get("minimum")).intValue());
        assertEquals(200, ((Number) limit.get("maximum")).intValue());
        assertEquals(50, ((Number) limit.get("default")).intValue());
        assertEquals(Boolean.FALSE, list.get("additionalProperties"));

        Map<String, Object> create = tools.get("create_customer").inputSchema();
        assertEquals(List.of("customer"), create.get("required"));
        Map<String, Object> customer = (Map<String, Object>) ((Map<String, Object>) create.get("properties"))
                .get("customer");
        assertEquals(List.of("name"), customer.get("required"));
        Map<String, Object> email = (Map<String, Object>) ((Map<String, Object>) customer.get("properties"))
                .get("email");
        assertEquals("email", email.get("format"));
        assertEquals(List.of("email", "name", "phone", "ssn"),
                ((Map<String, Object>) customer.get("properties")).keySet().stream().sorted().toList(),
                "the fields the server sets (id, owner, createdAt, lastModifiedBy) are not offered");

        Map<String, Object> retrieve = tools.get("retrieve_customer").inputSchema();
        assertEquals(List.of("id"), retrieve.get("required"));
        Map<String, Object> output = tools.get("retrieve_customer").outputSchema();
        Map<String, Object> outputProperties = (Map<String, Object>) output.get("properties");
        assertTrue(outputProperties.keySet().containsAll(List.of("id", "owner", "createdAt", "lastModifiedBy")),
                "results still carry the read-only fields");
        assertEquals(Boolean.TRUE, ((Map<String, Object>) outputProperties.get("ssn")).get("x-mcpee-sensitive"));
        assertNull(tools.get("create_customer").outputSchema(), "a Response has no schema to advertise");
        assertEquals("Search customers", tools.get("list_customers").title());
    }

    @Test
    void customerLifecycle() {
        String name = "Ada " + UUID.randomUUID();
        McpSchema.CallToolResult created = call(client, "create_customer",
                Map.of("customer", Map.of("name", name, "email", "ada@example.com")));
        assertFalse(created.isError(), () -> text(created));
        Number id = (Number) structured(created).get("id");
        assertEquals("alice", structured(created).get("owner"), "the agent acts as its token's owner");

        McpSchema.CallToolResult retrieved = call(client, "retrieve_customer", Map.of("id", id));
        assertFalse(retrieved.isError());
        assertEquals(name, structured(retrieved).get("name"));
        assertTrue(text(retrieved).contains("\"name\":\"" + name + "\""), "the JSON is also sent as text");

        McpSchema.CallToolResult found = call(client, "list_customers", Map.of("q", name.substring(4), "limit", 5));
        assertEquals(1, ((Number) structured(found).get("total")).intValue());

        McpSchema.CallToolResult updated = call(client, "update_customer", Map.of("id", id,
                "customer", Map.of("name", name + " King", "phone", "+44 20 7946 0000")));
        assertFalse(updated.isError(), () -> text(updated));
        assertEquals(name + " King", structured(updated).get("name"));
        assertNull(structured(updated).get("email"), "a full update replaces every field");

        McpSchema.CallToolResult patched = call(client, "partial_update_customer",
                Map.of("id", id, "customerPatch", Map.of("email", "countess@example.com")));
        assertFalse(patched.isError(), () -> text(patched));
        assertEquals("countess@example.com", structured(patched).get("email"));
        assertEquals("+44 20 7946 0000", structured(patched).get("phone"));
        for (String blank : List.of(" ", "\u0000")) {
            McpSchema.CallToolResult blanked = call(client, "partial_update_customer",
                    Map.of("id", id, "customerPatch", Map.of("name", blank)));
            assertTrue(blanked.isError(), () -> text(blanked));
            assertTrue(text(blanked).startsWith("Invalid arguments for tool partial_update_customer: "
                    + "customerPatch.name: "), () -> text(blanked));
        }

        McpSchema.CallToolResult erased = call(client, "gdpr_delete_customer", Map.of("id", id));
        assertFalse(erased.isError(), () -> text(erased));
        assertEquals(id.longValue(), ((Number) structured(erased).get("customerId")).longValue());

        McpSchema.CallToolResult gone = call(client, "retrieve_customer", Map.of("id", id));
        assertTrue(gone.isError());
        assertEquals("HTTP 404 Not Found: Customer " + id + " not found", text(gone));
    }

    /**
     * The demo's search links its next page with {@code UriInfo}, as REST APIs do: the link a tool call returns is
     * the REST URI (not {@code /mcp}), the same one the REST call returns, and following it over REST gives the
     * second page.
     */
    @Test
    void linksInToolResultsAreRestUris() throws Exception {
        String name = "Linked " + UUID.randomUUID();
        for (String email : List.of("one@example.com", "two@example.com")) {
            assertFalse(call(client, "create_customer", Map.of("customer", Map.of("name", name, "email", email)))
                    .isError());
        }
        McpSchema.CallToolResult first = call(client, "list_customers", Map.of("q", name, "limit", 1));
        assertFalse(first.isError(), () -> text(first));
        String next = (String) structured(first).get("next");

        String origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        String api = origin + base.getPath().replaceAll("/$", "") + "/api/customers";
        HttpResponse<String> rest = rest(URI.create(api + "?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                .replace("+", "%20") + "&limit=1"));
        assertEquals(200, rest.statusCode(), rest::body);
        assertTrue(next.startsWith(api + "?"), next);
        assertEquals(Json.createReader(new StringReader(rest.body())).readObject().getString("next"), next);

        HttpResponse<String> second = rest(URI.create(next));
        assertEquals(200, second.statusCode(), second::body);
        JsonObject page = Json.createReader(new StringReader(second.body())).readObject();
        assertEquals("two@example.com", page.getJsonArray("items").getJsonObject(0).getString("email"));
        assertFalse(page.containsKey("next"), "the last page links nowhere");
    }

    /** The search finds text as written: '%', '_', '!' and '\\' are characters, not wildcards or escapes. */
    @Test
    void searchTextIsLiteral() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        List<String> names = List.of("a%b " + unique, "a_b " + unique, "a\\b " + unique, "a!b " + unique,
                "axb " + unique);
        for (String name : names) {
            assertFalse(call(client, "create_customer", Map.of("customer", Map.of("name", name, "phone", "1")))
                    .isError());
        }
        for (String name : names) {
            McpSchema.CallToolResult found = call(client, "list_customers", Map.of("q", name));
            assertEquals(1, ((Number) structured(found).get("total")).intValue(), name + ": " + text(found));
        }
        assertEquals(5, ((Number) structured(call(client, "list_customers", Map.of("q", unique))).get("total"))
                .intValue());
    }

    private static HttpResponse<String> rest(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void deleteCustomerAnswersWithoutContent() {
        McpSchema.CallToolResult created = call(client, "create_customer",
                Map.of("customer", Map.of("name", "Temp", "phone", "1")));
        Number id = (Number) structured(created).get("id");
        McpSchema.CallToolResult deleted = call(client, "delete_customer", Map.of("id", id));
        assertFalse(deleted.isError(), () -> text(deleted));
        assertEquals("HTTP 204 No Content", text(deleted));
        assertTrue(call(client, "delete_customer", Map.of("id", id)).isError());
    }

    @Test
    void articleLifecycle() {
        McpSchema.CallToolResult created = call(client, "create_article",
                Map.of("article", Map.of("title", "Release notes", "body", "All new")));
        assertFalse(created.isError(), () -> text(created));
        Number id = (Number) structured(created).get("id");
        assertEquals("DRAFT", structured(created).get("status"));

        McpSchema.CallToolResult published = call(client, "publish_article", Map.of("id", id));
        assertEquals("PUBLISHED", structured(published).get("status"));
        assertNotNull(structured(published).get("publishedAt"));

        McpSchema.CallToolResult again = call(client, "publish_article", Map.of("id", id));
        assertTrue(again.isError());
        assertEquals("HTTP 409 Conflict: Article " + id + " is already published", text(again));

        McpSchema.CallToolResult listed = call(client, "list_articles", Map.of("status", "PUBLISHED"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) structured(listed).get("items");
        assertTrue(items.stream().allMatch(a -> "PUBLISHED".equals(a.get("status"))));
        assertTrue(items.stream().anyMatch(a -> id.equals(a.get("id")) || id.longValue()
                == ((Number) a.get("id")).longValue()));

        McpSchema.CallToolResult updated = call(client, "update_article",
                Map.of("id", id, "article", Map.of("title", "Release notes 2", "body", "Newer")));
        assertEquals("Release notes 2", structured(updated).get("title"));
        assertEquals("HTTP 204 No Content", text(call(client, "delete_article", Map.of("id", id))));
        assertTrue(call(client, "retrieve_article", Map.of("id", id)).isError());
    }

    @Test
    void theApplicationsOwnInterceptorRunsOnToolCalls() {
        String name = "Logged " + UUID.randomUUID();
        call(client, "create_customer", Map.of("customer", Map.of("name", name, "phone", "1")));
        McpSchema.CallToolResult activity = call(client, "list_activity", Map.of("limit", 1));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) structured(activity).get("result");
        assertEquals(1, entries.size());
        assertEquals("CustomerResource.create", entries.get(0).get("operation"));
        assertEquals("alice", entries.get(0).get("user"));
        assertEquals("ok", entries.get(0).get("outcome"));
    }

    @Test
    void beanValidationRunsOnToolCalls() {
        // a class-level constraint no JSON Schema expresses: only Bean Validation can reject this
        McpSchema.CallToolResult result = call(client, "create_customer", Map.of("customer", Map.of("name", "Nobody")));
        assertTrue(result.isError());
        assertEquals("HTTP 400 Bad Request: customer: needs an email address or a phone number", text(result));
        McpSchema.CallToolResult search = call(client, "list_customers", Map.of("q", "Nobody"));
        assertEquals(0, ((Number) structured(search).get("total")).intValue(), "nothing was created");
    }

    @Test
    void invalidArgumentsNameEveryProblem() {
        McpSchema.CallToolResult result = call(client, "create_customer",
                Map.of("customer", Map.of("name", "", "email", "not-an-email"), "surprise", 1));
        assertTrue(result.isError());
        String message = text(result);
        assertTrue(message.startsWith("Invalid arguments for tool create_customer: "), message);
        assertTrue(message.contains("customer.name: expected at least 1 characters, got 0"), message);
        assertTrue(message.contains("customer.email: expected email format"), message);
        assertTrue(message.contains("surprise: is not an accepted argument"), message);
        assertFalse(message.contains("not-an-email"), "argument values are never echoed");

        McpSchema.CallToolResult wrongType = call(client, "retrieve_customer", Map.of("id", "seven"));
        assertEquals("Invalid arguments for tool retrieve_customer: id: expected an integer, got a string",
                text(wrongType));
        McpSchema.CallToolResult missing = call(client, "retrieve_customer", Map.of());
        assertEquals("Invalid arguments for tool retrieve_customer: id: is required", text(missing));
        McpSchema.CallToolResult outOfRange = call(client, "list_customers", Map.of("limit", 500));
        assertEquals("Invalid arguments for tool list_customers: limit: expected a number at most 200, got 500",
                text(outOfRange));
        McpSchema.CallToolResult badEnum = call(client, "list_articles", Map.of("status", "ARCHIVED"));
        assertTrue(text(badEnum).contains("status: expected one of [\"DRAFT\",\"PUBLISHED\"]"), text(badEnum));
    }

    private List<McpSchema.Tool> allTools() {
        List<McpSchema.Tool> tools = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = client.listTools(cursor);
            tools.addAll(page.tools());
            cursor = page.nextCursor();
        } while (cursor != null);
        return tools;
    }

    private Map<String, McpSchema.Tool> byName() {
        Map<String, McpSchema.Tool> byName = new java.util.HashMap<>();
        allTools().forEach(t -> byName.put(t.name(), t));
        return byName;
    }
}
