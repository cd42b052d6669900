package org.example.notes.it;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an application that adds mcp-ee must find, on any server: its resources as tools for an agent token with
 * its own roles, through the official MCP client; its interceptor and Bean Validation on tool calls; the audit of
 * those calls with the user; the agent token on its REST paths; and its people still signing in its own way (HTTP
 * Basic), at its context root {@code /notes}.
 */
abstract class AdopterChecks {
    static final String ADMIN = System.getProperty("mcpee.test.admin-token",
            "mcp_00000000000000a1_1111111111111111111111111111111111111111111111111111111111111111");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** The application's root: {@code http://host:port/notes/}. */
    abstract String base();

    @Test
    void anAgentTokenWithTheApplicationsRolesSeesExactlyItsTools() throws Exception {
        McpSyncClient reader = connect(token("alice", "notes:read"));
        try {
            List<String> names = reader.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
            assertEquals(List.of("list_health", "list_notes", "list_tracked", "retrieve_note"), names,
                    "a reader sees the reading tools and the public one, not create_note");
            McpSchema.CallToolResult refused = reader.callTool(new McpSchema.CallToolRequest("create_note",
                    Map.of("noteInput", Map.of("title", "no"))));
            assertTrue(refused.isError());
            assertTrue(text(refused).startsWith("HTTP 403 Forbidden"), text(refused));
            McpSchema.CallToolResult health = reader.callTool(new McpSchema.CallToolRequest("list_health", Map.of()));
            assertEquals("notes are fine", text(health), "a plain class of a second JAX-RS application");
        } finally {
            reader.closeGracefully();
        }
    }

    @Test
    void toolCallsRunTheApplicationsInterceptorAndValidationAndAreAudited() throws Exception {
        String writer = token("alice", "notes:read", "notes:write");
        long trackedBefore = tracked("create");
        long limiterBefore = tracked("limiter");
        McpSyncClient client = connect(writer);
        try {
            McpSchema.CallToolResult created = client.callTool(new McpSchema.CallToolRequest("create_note",
                    Map.of("noteInput", Map.of("title", "From an agent", "text", "written over MCP"))));
            assertFalse(created.isError(), () -> text(created));
            @SuppressWarnings("unchecked")
            Map<String, Object> note = (Map<String, Object>) created.structuredContent();
            assertEquals("From an agent", note.get("title"));
            assertEquals("alice", note.get("author"), "the agent acts as its owner");
            McpSchema.CallToolResult invalid = client.callTool(new McpSchema.CallToolRequest("create_note",
                    Map.of("noteInput", Map.of("title", "LOUD NOTE"))));
            assertTrue(invalid.isError());
            assertEquals("HTTP 400 Bad Request: input.title: must not be shouted", text(invalid),
                    "the application's own constraint, which only its Bean Validation knows");
        } finally {
            client.closeGracefully();
        }
        assertEquals(trackedBefore + 2, tracked("create"),
                "the application's own interceptor ran for both calls, outside Bean Validation, as on a REST call");
        assertTrue(tracked("limiter") >= limiterBefore + 2,
                "the application's RateLimiter was asked for both calls, in place of mcp-ee's own");

        JsonArray entries = json(send("GET", "mcp-ee/api/audit?tool=create_note&user=alice&limit=10", bearer(ADMIN),
                null, 200).body()).getJsonArray("items");
        List<String> outcomes = entries.getValuesAs(JsonObject.class).stream().map(e -> e.getString("outcome"))
                .toList();
        assertTrue(outcomes.contains("SUCCESS") && outcomes.contains("INVALID"), outcomes.toString());
        JsonObject entry = entries.getJsonObject(0);
        assertEquals("AGENT_TOKEN", entry.getString("credentialKind"));
        assertEquals("org.example.notes.NoteResource.create", entry.getString("target"));

        // the same token on the application's REST path
        HttpResponse<String> rest = send("GET", "rest/notes", bearer(writer), null, 200);
        assertTrue(rest.body().contains("From an agent"), rest.body());
    }

    @Test
    void anAgentOnTheRestPathIsAuditedAndMaskedAndAPersonIsNot() throws Exception {
        String owner = "carol-" + System.nanoTime();
        String agent = token(owner, "notes:read", "notes:write");
        String trusted = token(owner, "notes:read", "notes:private");
        JsonObject created = json(send("POST", "rest/notes", bearer(agent), Json.createObjectBuilder()
                .add("title", "Through the door").add("text", "the plan").build().toString(), 200).body());
        assertEquals("***", created.getString("text"), "masked for an agent without notes:private, as a tool's");
        long id = created.getJsonNumber("id").longValue();
        assertEquals("***", json(send("GET", "rest/notes/" + id, bearer(agent), null, 200).body()).getString("text"));
        assertEquals("the plan", json(send("GET", "rest/notes/" + id, bearer(trusted), null, 200).body())
                .getString("text"));
        assertEquals("the plan", json(send("GET", "rest/notes/" + id, basic("alice", "wonderland"), null, 200)
                .body()).getString("text"), "a person's answer is the application's, unchanged");

        JsonArray entries = json(send("GET", "mcp-ee/api/audit?user=" + owner + "&limit=10", bearer(ADMIN), null,
                200).body()).getJsonArray("items");
        assertEquals(List.of("REST retrieve_note GET SUCCESS", "REST retrieve_note GET SUCCESS",
                "REST create_note POST SUCCESS"), entries.getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("channel") + " " + e.getString("tool") + " " + e.getString("httpMethod") + " "
                        + e.getString("outcome")).toList());
        assertEquals("Through the door", entries.getJsonObject(2).getJsonObject("arguments")
                .getJsonObject("noteInput").getString("title"));
        JsonArray people = json(send("GET", "mcp-ee/api/audit?user=alice&tool=retrieve_note&limit=500",
                bearer(ADMIN), null, 200).body()).getJsonArray("items");
        assertTrue(people.getValuesAs(JsonObject.class).stream().noneMatch(e -> "REST".equals(e.getString("channel"))),
                "a person's REST request is the application's own business: " + people);
    }

    @Test
    void peopleSignInTheApplicationsOwnWay() throws Exception {
        HttpResponse<String> alice = send("GET", "rest/notes", basic("alice", "wonderland"), null, 200);
        assertTrue(alice.body().startsWith("["), alice.body());
        HttpResponse<String> nobody = send("GET", "rest/notes", null, null, 401);
        assertTrue(nobody.headers().allValues("WWW-Authenticate").stream().anyMatch(h -> h.startsWith("Basic")),
                "the application's own challenge: " + nobody.headers().map());
        send("GET", "rest/notes", basic("alice", "wrong"), null, 401);
        // a person signed in the application's way manages their own agent tokens
        JsonObject bob = json(send("GET", "mcp-ee/api/me", basic("bob", "builder"), null, 200).body());
        assertEquals("bob", bob.getString("user"));
        assertEquals("own", bob.getString("manages"));
        // the page for it is there, under mcp-ee's prefix
        HttpResponse<String> page = send("GET", "mcp-ee/admin/", null, null, 200);
        assertTrue(page.body().contains("admin.js"), page.body());
    }

    @Test
    void agentsGetTheBearerChallengeAtTheContextRoot() throws Exception {
        HttpResponse<String> mcp = send("POST", "mcp", null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                401);
        String challenge = mcp.headers().firstValue("WWW-Authenticate").orElse("");
        assertEquals("Bearer resource_metadata=\"" + base() + ".well-known/oauth-protected-resource/mcp\"", challenge);
        JsonObject metadata = json(send("GET", ".well-known/oauth-protected-resource/mcp", null, null, 200).body());
        assertEquals(base() + "mcp", metadata.getString("resource"));
        assertTrue(metadata.getJsonArray("scopes_supported").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList().contains("notes:write"), metadata.toString());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** A new agent token of {@code owner}, made with the bootstrap admin token; its secret. */
    private String token(String owner, String... permissions) throws Exception {
        var grants = Json.createArrayBuilder();
        for (String permission : permissions) {
            grants.add(permission);
        }
        String body = Json.createObjectBuilder().add("name", "adopter " + owner).add("owner", owner)
                .add("permissions", grants).build().toString();
        return json(send("POST", "mcp-ee/api/tokens", bearer(ADMIN), body, 201).body()).getString("secret");
    }

    private long tracked(String method) throws Exception {
        JsonObject calls = json(send("GET", "rest/tracked", basic("alice", "wonderland"), null, 200).body());
        return calls.containsKey(method) ? calls.getJsonNumber(method).longValue() : 0;
    }

    private McpSyncClient connect(String token) {
        URI root = URI.create(base());
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder(root.getScheme() + "://" + root.getAuthority()).endpoint(root.getPath() + "mcp")
                .httpRequestCustomizer((builder, method, uri, body, context) ->
                        builder.header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport).clientInfo(new McpSchema.Implementation("adopter-it", "1"))
                .requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        return client;
    }

    private static String text(McpSchema.CallToolResult result) {
        return result.content().stream().filter(McpSchema.TextContent.class::isInstance)
                .map(c -> ((McpSchema.TextContent) c).text()).collect(Collectors.joining());
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").header("Accept", "application/json, "
                    + "text/event-stream");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + response.uri() + ": " + response.body());
        return response;
    }

    private static JsonObject json(String text) {
        JsonValue value = Json.createReader(new StringReader(text)).readValue();
        return value.asJsonObject();
    }
}
