package io.mcpee.it;

import io.mcpee.it.door.LedgerResource;
import io.mcpee.it.door.RefundResource;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST door on the real WAR: an agent's token on the application's REST API is audited, masked and throttled as
 * its tool calls are. Every request makes one entry (channel {@code REST}, the tool the method is offered as, the
 * method and path, redacted arguments, the outcome by the same status rule); {@code @Sensitive} properties are
 * masked by the same roles, for declared result types, for a {@code Response}'s entity and for an answer that comes
 * later on another thread; REST and tool calls spend one budget; refused credentials are counted, not recorded.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestDoorIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar().addClasses(LedgerResource.class, LedgerResource.Account.class,
                RefundResource.class, RefundResource.Refund.class);
    }

    @Test
    void anAgentsRestAnswersAreMaskedAsItsToolResultsAre() throws Exception {
        String owner = "door-" + UUID.randomUUID().toString().substring(0, 8);
        String reader = TestTokens.create(base, owner, "customers:read", "customers:write");
        String clear = TestTokens.create(base, owner, "customers:read", "customers:pii");

        HttpResponse<String> created = send(reader, "POST", "api/customers", Json.createObjectBuilder()
                .add("name", "Door " + owner).add("email", "door@example.com").add("ssn", "123-45-6789").build()
                .toString(), null);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject customer = json(created.body());
        assertEquals("***", customer.getString("ssn"), "a Response's entity, masked by its class");
        long id = customer.getJsonNumber("id").longValue();

        assertEquals("***", json(send(reader, "GET", "api/customers/" + id, null, null).body()).getString("ssn"));
        assertEquals("123-45-6789", json(send(clear, "GET", "api/customers/" + id, null, null).body())
                .getString("ssn"), "the role the property names unmasks it");
        JsonArray page = json(send(reader, "GET", "api/customers?limit=100", null, null).body())
                .getJsonArray("items");
        assertFalse(page.isEmpty());
        page.forEach(item -> assertTrue(item.asJsonObject().isNull("ssn")
                || "***".equals(item.asJsonObject().getString("ssn")), item.toString()));

        for (String path : List.of("api/ledger/7", "api/ledger/7/later")) {
            HttpResponse<String> masked = send(reader, "GET", path, null, null);
            assertEquals(200, masked.statusCode(), path + ": " + masked.body());
            assertEquals("***", json(masked.body()).getString("iban"), path);
            assertEquals("Ada Lovelace", json(masked.body()).getString("holder"), path);
            assertEquals("GB33BUKB20201555555555", json(send(clear, "GET", path, null, null).body())
                    .getString("iban"), path);
        }
        // an AsyncResponse resumed on another thread: held until complete, then let go whole; what it carries cannot
        // be known, so it is masked by the names of the application's sensitive properties
        HttpResponse<String> suspended = send(reader, "GET", "api/ledger/7/suspended", null, null);
        assertEquals(200, suspended.statusCode(), suspended.body());
        assertEquals("Ada Lovelace", json(suspended.body()).getString("holder"));
        assertEquals("***", json(suspended.body()).getString("iban"));
        assertEquals("GB33BUKB20201555555555", json(send(clear, "GET", "api/ledger/7/suspended", null, null).body())
                .getString("iban"));
    }

    @Test
    void everyAgentRestRequestMakesOneEntry() throws Exception {
        String owner = "door-audit-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject issued = TestTokens.adminCall(base, "POST", "tokens", Json.createObjectBuilder()
                .add("name", "it " + owner).add("owner", owner)
                .add("permissions", Json.createArrayBuilder().add("customers:read").add("customers:write"))
                .build().toString());
        long tokenId = issued.getJsonObject("token").getJsonNumber("id").longValue();
        String token = issued.getString("secret");
        String client = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);

        HttpResponse<String> created = send(token, "POST", "api/customers", Json.createObjectBuilder()
                .add("name", "Audited " + owner).add("email", "audited@example.com").add("ssn", "987-65-4321")
                .build().toString(), client);
        assertEquals(201, created.statusCode(), created.body());
        long id = json(created.body()).getJsonNumber("id").longValue();
        assertEquals(200, send(token, "GET", "api/customers/" + id + "?unused=x%20y", null, client).statusCode());
        assertEquals(404, send(token, "GET", "api/customers/987654321", null, client).statusCode());
        HttpResponse<String> denied = send(token, "DELETE", "api/customers/" + id, null, client);
        assertEquals(403, denied.statusCode(), denied.body());
        assertTrue(json(denied.body()).getString("error").contains("delete_customer"), denied.body());
        HttpResponse<String> invalid = send(token, "POST", "api/customers", "{\"email\":\"no-name@example.com\"}",
                client);
        assertEquals(400, invalid.statusCode(), invalid.body());

        JsonArray entries = TestTokens.adminObject(base, "audit?limit=500&token=" + tokenId).getJsonArray("items");
        assertEquals(5, entries.size(), "one entry per request: " + entries);
        Map<Integer, JsonObject> byStatus = new HashMap<>();
        for (JsonValue value : entries) {
            JsonObject entry = value.asJsonObject();
            byStatus.put(entry.getInt("status"), entry);
            assertEquals("REST", entry.getString("channel"));
            assertEquals(owner, entry.getString("user"));
            assertEquals("AGENT_TOKEN", entry.getString("credentialKind"));
            assertEquals(String.valueOf(tokenId), entry.getString("credentialId"));
            assertEquals(client, entry.getString("clientIp"), entry.toString());
            assertTrue(entry.isNull("sessionId"), "no MCP session: " + entry);
            assertTrue(entry.getString("path").startsWith(URI.create(base.toString()).getPath() + "api/customers"),
                    entry.toString());
        }
        JsonObject create = byStatus.get(201);
        assertEquals("SUCCESS", create.getString("outcome"));
        assertEquals("create_customer", create.getString("tool"));
        assertEquals("io.mcpee.demo.CustomerResource.create", create.getString("target"));
        assertEquals("POST", create.getString("httpMethod"));
        assertEquals("***", create.getJsonObject("arguments").getJsonObject("customer").getString("ssn"),
                "the body is redacted by the tool's marks");
        assertEquals("Audited " + owner, create.getJsonObject("arguments").getJsonObject("customer")
                .getString("name"));

        JsonObject read = byStatus.get(200);
        assertEquals("retrieve_customer", read.getString("tool"));
        assertEquals(String.valueOf(id), read.getJsonObject("arguments").getString("id"));
        assertEquals("x y", read.getJsonObject("arguments").getString("unused"), "query parameters, decoded");
        assertEquals("GET", read.getString("httpMethod"));

        JsonObject missing = byStatus.get(404);
        assertEquals("ERROR", missing.getString("outcome"));
        assertTrue(missing.getString("error").startsWith("HTTP 404 Not Found"), missing.toString());

        JsonObject refused = byStatus.get(403);
        assertEquals("DENIED", refused.getString("outcome"));
        assertEquals("delete_customer", refused.getString("tool"));
        assertEquals("DELETE", refused.getString("httpMethod"));

        JsonObject rejected = byStatus.get(400);
        assertEquals("INVALID", rejected.getString("outcome"));

        // the denied DELETE changed nothing
        assertEquals(200, send(token, "GET", "api/customers/" + id, null, client).statusCode());
    }

    /**
     * A method whose transaction was marked for rollback but which still answered 201: nothing it wrote was kept,
     * so both doors answer 500 (as a {@code @Transactional} method's failed commit would) and record an error.
     */
    @Test
    void aCallMarkedForRollbackIsNeverReportedAsASuccess() throws Exception {
        String owner = "door-rollback-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.create(base, owner, "customers:read", "customers:write");
        HttpResponse<String> rest = send(token, "POST", "api/refunds", "{\"customer\":\"Refund " + owner + "\"}",
                null);
        assertEquals(500, rest.statusCode(), rest.body());
        assertFalse(rest.body().contains("Exception"), "no stack trace or class name: " + rest.body());
        McpHttp mcp = new McpHttp(base, token);
        String session = mcp.initialize();
        HttpResponse<String> call = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"create_refund\",\"arguments\":{\"refund\":{\"customer\":\"Refund " + owner + "\"}}}}",
                McpHttp.sessionHeaders(session));
        assertEquals(200, call.statusCode(), call.body());
        JsonObject result = json(call.body()).getJsonObject("result");
        assertTrue(result.getBoolean("isError"), call.body());
        assertTrue(result.getJsonArray("content").getJsonObject(0).getString("text")
                .contains("could not be committed"), call.body());

        HttpResponse<String> kept = send(token, "GET", "api/customers?q=" + owner, null, null);
        assertEquals(0, json(kept.body()).getInt("total"), "nothing of either call was kept: " + kept.body());
        JsonArray entries = TestTokens.adminObject(base, "audit?limit=500&user=" + owner).getJsonArray("items");
        assertEquals(List.of("REST SUCCESS 200", "MCP ERROR 500", "REST ERROR 500"), entries.stream()
                .map(v -> v.asJsonObject().getString("channel") + " " + v.asJsonObject().getString("outcome") + " "
                        + v.asJsonObject().getInt("status")).toList());
    }

    @Test
    void restRequestsAndToolCallsSpendOneBudget() throws Exception {
        String owner = "door-budget-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.createLimited(base, owner, "3/minute", "customers:read");
        assertEquals(200, send(token, "GET", "api/customers?limit=1", null, null).statusCode());
        McpHttp mcp = new McpHttp(base, token);
        String session = mcp.initialize();
        HttpResponse<String> call = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"list_customers\",\"arguments\":{\"limit\":1}}}", McpHttp.sessionHeaders(session));
        assertEquals(200, call.statusCode(), call.body());
        assertEquals(200, send(token, "GET", "api/customers?limit=1", null, null).statusCode());
        HttpResponse<String> throttled = send(token, "GET", "api/customers?limit=1", null, null);
        assertEquals(429, throttled.statusCode(), throttled.body());
        assertTrue(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertTrue(json(throttled.body()).getString("error").startsWith("Too many requests"), throttled.body());

        JsonArray entries = TestTokens.adminObject(base, "audit?limit=500&user=" + owner).getJsonArray("items");
        assertEquals(List.of("REST THROTTLED", "REST SUCCESS", "MCP SUCCESS", "REST SUCCESS"), entries.stream()
                .map(v -> v.asJsonObject().getString("channel") + " " + v.asJsonObject().getString("outcome"))
                .toList());
    }

    @Test
    void refusedRestCredentialsAreCountedNotRecorded() throws Exception {
        String client = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = send("mcp_0000000000000bad_" + "0".repeat(64), "GET", "api/customers",
                    null, client);
            assertEquals(401, refused.statusCode());
        }
        long counted = 0;
        for (int attempt = 0; attempt < 60 && counted < 5; attempt++) {
            Thread.sleep(500);
            counted = 0;
            for (JsonValue value : TestTokens.adminObject(base, "audit/unauthenticated").getJsonArray("items")) {
                if (value.asJsonObject().getString("clientIp").equals(client)) {
                    counted += value.asJsonObject().getJsonNumber("requests").longValue();
                }
            }
        }
        assertEquals(5, counted);
    }

    // ---------------------------------------------------------------------------------------------------------

    private HttpResponse<String> send(String token, String method, String path, String body, String forwardedFor)
            throws IOException, InterruptedException {
        // through localhost, which the deployment trusts as a reverse proxy (pom.xml: mcpee.security.trusted-proxies)
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + base.getPort()
                + base.getPath().replaceAll("/$", "") + "/" + path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
