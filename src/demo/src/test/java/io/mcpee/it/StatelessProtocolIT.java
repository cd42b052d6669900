package io.mcpee.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mcpee.it.McpHttp.jsonHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Protocol 2026-07-28 over raw HTTP, beside the session revisions on the same endpoint: stateless requests with their
 * {@code _meta} and standard headers, {@code server/discover}, the result members every result carries, and every
 * error path with its HTTP status, JSON-RPC code and the request's own id (never a null one).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatelessProtocolIT {
    private static final String VERSION = "2026-07-28";
    private static String owner;
    private static String token;
    private static long customer;

    @ArquillianResource
    URL base;

    McpHttp http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @BeforeEach
    void agent() throws Exception {
        if (token == null) {
            owner = "stateless-" + UUID.randomUUID().toString().substring(0, 8);
            token = TestTokens.create(base, owner, "customers:read");
            // a customer to read, created statelessly by another token of the same user that may write
            McpHttp writer = new McpHttp(base, TestTokens.create(base, owner, "customers:read",
                    "customers:write"));
            HttpResponse<String> created = writer.post(body("1", "tools/call", Json.createObjectBuilder()
                    .add("name", "create_customer").add("arguments", Json.createObjectBuilder().add("customer",
                            Json.createObjectBuilder().add("name", "Stateless " + owner)
                                    .add("email", "stateless@example.com").add("ssn", "123-45-6789"))), meta()),
                    headers("tools/call", "create_customer"));
            assertEquals(200, created.statusCode(), created.body());
            assertTrue(json(created).containsKey("result"), created.body());
            customer = json(created).getJsonObject("result").getJsonObject("structuredContent").getJsonNumber("id")
                    .longValue();
        }
        http = new McpHttp(base, token);
    }

    @Test
    void discoverNamesEveryRevisionServedTheCapabilitiesAndTheServer() throws Exception {
        HttpResponse<String> response = request(1, "server/discover", Json.createObjectBuilder(), Map.of());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Mcp-Session-Id").isEmpty(), "no sessions in " + VERSION);
        JsonObject result = json(response).getJsonObject("result");
        assertEquals("complete", result.getString("resultType"));
        assertEquals(List.of(VERSION, "2025-11-25", "2025-06-18", "2025-03-26"),
                result.getJsonArray("supportedVersions").getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(result.getJsonObject("capabilities").containsKey("tools"), result.toString());
        assertFalse(result.getJsonObject("capabilities").containsKey("prompts"), "tools only");
        assertEquals(60_000, result.getInt("ttlMs"), "mcpee.mcp.cache-ttl's default, PT1M");
        assertEquals("public", result.getString("cacheScope"), "the same for every caller");
        assertEquals("mcp-ee", result.getJsonObject("_meta")
                .getJsonObject("io.modelcontextprotocol/serverInfo").getString("name"));
        assertFalse(result.getString("instructions").isBlank());
    }

    @Test
    void toolsListShowsTheCallersToolsInAStableOrderAsPrivate() throws Exception {
        JsonObject first = json(request(2, "tools/list", Json.createObjectBuilder(), Map.of())).getJsonObject("result");
        JsonObject second = json(request(3, "tools/list", Json.createObjectBuilder(), Map.of()))
                .getJsonObject("result");
        assertEquals(first.getJsonArray("tools"), second.getJsonArray("tools"), "the same list, in the same order");
        List<String> names = first.getJsonArray("tools").stream()
                .map(tool -> tool.asJsonObject().getString("name")).toList();
        assertTrue(names.contains("retrieve_customer"), names.toString());
        assertFalse(names.contains("delete_customer"), "a customers:read token does not see " + names);
        assertEquals("complete", first.getString("resultType"));
        assertEquals("private", first.getString("cacheScope"), "the list depends on the caller's permissions");
        assertEquals(60_000, first.getInt("ttlMs"));
    }

    @Test
    void aToolCallRunsWithoutSessionAndIsAuditedWithTheClientItNames() throws Exception {
        String client = "stateless-it-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> response = http.post(body("\"call-1\"", "tools/call", Json.createObjectBuilder()
                        .add("name", "retrieve_customer").add("arguments", Json.createObjectBuilder()
                                .add("id", customer)),
                meta().add("io.modelcontextprotocol/clientInfo", Json.createObjectBuilder()
                        .add("name", client).add("version", "9.1"))), headers("tools/call", "retrieve_customer"));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Mcp-Session-Id").isEmpty());
        JsonObject result = json(response).getJsonObject("result");
        assertEquals("complete", result.getString("resultType"));
        assertFalse(result.getBoolean("isError"), result.toString());
        assertEquals("***", result.getJsonObject("structuredContent").getString("ssn"), "redacted as in 2025-11-25");

        JsonObject entry = auditOf("call-1");
        assertEquals("retrieve_customer", entry.getString("tool"));
        assertEquals("SUCCESS", entry.getString("outcome"));
        assertEquals(client, entry.getString("clientName"));
        assertEquals("9.1", entry.getString("clientVersion"));
        assertTrue(entry.isNull("sessionId"), "no session: " + entry);
    }

    @Test
    void clientInfoIsOptionalAndMcpNameMayBePaddedOrBase64() throws Exception {
        assertEquals(200, request(4, "server/discover", Json.createObjectBuilder(), Map.of()).statusCode());
        String encoded = "=?base64?" + Base64.getEncoder().encodeToString("list_customers"
                .getBytes(StandardCharsets.UTF_8)) + "?=";
        for (String name : List.of("  list_customers  ", encoded)) {
            HttpResponse<String> response = http.post(body("5", "tools/call",
                    Json.createObjectBuilder().add("name", "list_customers"), meta()),
                    headers("tools/call", name));
            assertEquals(200, response.statusCode(), name + ": " + response.body());
            assertEquals("complete", json(response).getJsonObject("result").getString("resultType"));
        }
    }

    @Test
    void everyHeaderOrMetaProblemIs400WithItsCodeAndTheRequestsId() throws Exception {
        JsonObjectBuilder noParams = Json.createObjectBuilder();
        assertError(request(101, "server/discover", noParams, Map.of("MCP-Protocol-Version", "")), 400, -32020, 101);
        assertError(http.post("{\"jsonrpc\":\"2.0\",\"id\":102,\"method\":\"server/discover\",\"params\":{}}",
                headers("server/discover", null)), 400, -32602, 102);
        assertError(http.post(body("103", "server/discover", Json.createObjectBuilder(), Json.createObjectBuilder()
                .add("io.modelcontextprotocol/clientCapabilities", Json.createObjectBuilder())),
                headers("server/discover", null)), 400, -32602, 103);
        assertError(http.post(body("104", "server/discover", Json.createObjectBuilder(), Json.createObjectBuilder()
                .add("io.modelcontextprotocol/protocolVersion", VERSION)),
                headers("server/discover", null)), 400, -32602, 104);
        // the header disagrees with _meta: a mismatch before the version is even considered
        assertError(http.post(body("105", "server/discover", Json.createObjectBuilder(), meta("v999.0.0")),
                headers("server/discover", null)), 400, -32020, 105);
        JsonObject unsupported = assertError(http.post(body("106", "server/discover", Json.createObjectBuilder(),
                meta("v999.0.0")), headers("server/discover", null, "MCP-Protocol-Version", "v999.0.0")),
                400, -32022, 106);
        assertEquals("v999.0.0", unsupported.getJsonObject("data").getString("requested"));
        assertTrue(unsupported.getJsonObject("data").getJsonArray("supported").toString().contains(VERSION));
        assertError(request(107, "tools/list", noParams, Map.of("Mcp-Method", "")), 400, -32020, 107);
        assertError(request(108, "tools/list", noParams, Map.of("Mcp-Method", "TOOLS/LIST")), 400, -32020, 108);
        assertError(request(109, "tools/list", noParams, Map.of("Mcp-Method", "prompts/list")), 400, -32020, 109);
    }

    @Test
    void aToolCallWhoseMcpNameDisagreesIsRefusedAndNeverRuns() throws Exception {
        JsonObjectBuilder call = Json.createObjectBuilder().add("name", "retrieve_customer")
                .add("arguments", Json.createObjectBuilder().add("id", 1));
        assertError(http.post(body("\"n-1\"", "tools/call", call, meta()), headers("tools/call", null)),
                400, -32020, "n-1");
        call = Json.createObjectBuilder().add("name", "retrieve_customer")
                .add("arguments", Json.createObjectBuilder().add("id", 1));
        assertError(http.post(body("\"n-2\"", "tools/call", call, meta()), headers("tools/call", "list_customers")),
                400, -32020, "n-2");
        call = Json.createObjectBuilder().add("name", "retrieve_customer")
                .add("arguments", Json.createObjectBuilder().add("id", 1));
        // bad padding: not valid base64, so not the name
        assertError(http.post(body("\"n-3\"", "tools/call", call, meta()),
                headers("tools/call", "=?base64?cmV0cmlldmVfY3VzdG9tZXI?=")), 400, -32020, "n-3");
        JsonArray entries = TestTokens.adminCall(base, "GET", "audit?limit=500&user=" + owner, null)
                .getJsonArray("items");
        assertTrue(entries.stream().noneMatch(e -> e.asJsonObject().getString("requestId", "").startsWith("n-")),
                "a refused request reached no tool: " + entries);
    }

    @Test
    void methodsThisRevisionRemovedOrNeverHadAre404() throws Exception {
        for (String method : List.of("initialize", "ping", "logging/setLevel", "resources/subscribe",
                "resources/unsubscribe", "prompts/list", "unknown/method")) {
            assertError(request(500, method, Json.createObjectBuilder(), Map.of()), 404, -32601, 500);
        }
    }

    @Test
    void unreadableMessagesAreRefusedWithoutANullIdAndNotificationsAccepted() throws Exception {
        Map<String, String> headers = headers("tools/list", null);
        HttpResponse<String> broken = http.post("{\"jsonrpc\":", headers);
        assertEquals(400, broken.statusCode());
        assertEquals(-32700, json(broken).getJsonObject("error").getInt("code"));
        assertFalse(json(broken).containsKey("id"), "an unreadable id is left out, never null: " + broken.body());
        HttpResponse<String> batch = http.post("[" + body("1", "tools/list", Json.createObjectBuilder(), meta())
                + "]", headers);
        assertEquals(400, batch.statusCode());
        assertEquals(-32600, json(batch).getJsonObject("error").getInt("code"));
        assertFalse(json(batch).containsKey("id"));
        HttpResponse<String> nullId = http.post("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"tools/list\","
                + "\"params\":{\"_meta\":" + meta().build() + "}}", headers);
        assertEquals(400, nullId.statusCode());
        assertFalse(json(nullId).containsKey("id"), nullId.body());
        HttpResponse<String> notification = http.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                + "\"params\":{\"_meta\":" + meta().build() + "}}", headers);
        assertEquals(202, notification.statusCode());
        assertEquals("", notification.body());
    }

    @Test
    void sessionRevisionsAreServedBesideItAndDeleteNeedsASession() throws Exception {
        String session = http.initialize();
        HttpResponse<String> listed = http.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                McpHttp.sessionHeaders(session));
        assertEquals(200, listed.statusCode());
        assertFalse(json(listed).getJsonObject("result").containsKey("resultType"), "2025-11-25 results as before");
        HttpResponse<String> delete = http.send("DELETE", Map.of());
        assertEquals(405, delete.statusCode());
        assertEquals("GET, POST, DELETE, OPTIONS", delete.headers().firstValue("Allow").orElse(""));
        assertEquals(204, http.send("DELETE", Map.of("Mcp-Session-Id", session)).statusCode());
    }

    @Test
    void withoutCredentialsTheAnswerIs401() throws Exception {
        Map<String, String> headers = headers("server/discover", null);
        HttpResponse<String> response = new McpHttp(base, null).post(body("1", "server/discover",
                Json.createObjectBuilder(), meta()), headers);
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    private HttpResponse<String> request(int id, String method, JsonObjectBuilder params, Map<String, String> changed)
            throws Exception {
        Map<String, String> headers = headers(method, null);
        changed.forEach((name, value) -> {
            if (value.isEmpty()) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
        });
        return http.post(body(String.valueOf(id), method, params, meta()), headers);
    }

    /** The headers of a well-formed 2026-07-28 POST, with more given as name, value pairs. */
    private static Map<String, String> headers(String method, String name, String... more) {
        Map<String, String> headers = jsonHeaders("MCP-Protocol-Version", VERSION, "Mcp-Method", method);
        if (name != null) {
            headers.put("Mcp-Name", name);
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    private static JsonObjectBuilder meta() {
        return meta(VERSION);
    }

    private static JsonObjectBuilder meta(String version) {
        return Json.createObjectBuilder().add("io.modelcontextprotocol/protocolVersion", version)
                .add("io.modelcontextprotocol/clientCapabilities", Json.createObjectBuilder());
    }

    private static String body(String id, String method, JsonObjectBuilder params, JsonObjectBuilder meta) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":"
                + params.add("_meta", meta).build() + "}";
    }

    private static JsonObject assertError(HttpResponse<String> response, int status, int code, Object id) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject answer = json(response);
        assertEquals(code, answer.getJsonObject("error").getInt("code"), response.body());
        assertEquals(id instanceof String text ? Json.createValue(text) : Json.createValue((Integer) id),
                answer.get("id"), "the request's own id: " + response.body());
        assertFalse(response.body().contains("Exception"), response.body());
        return answer.getJsonObject("error");
    }

    private JsonObject auditOf(String requestId) {
        return TestTokens.auditEntry(base, owner, requestId);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
