package io.mcpee.it;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The audit log end to end on the real WAR: every outcome of a {@code tools/call} makes exactly one entry with
 * every field right, read back through {@code GET /mcp-ee/api/audit} (filters, paging, roles); unauthenticated
 * requests are counted per client address, not recorded. The deployment trusts 127.0.0.1 as a reverse proxy
 * (pom.xml: mcpee.security.trusted-proxies), so a call through localhost may say who its client is with
 * {@code X-Forwarded-For}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @Test
    void everyOutcomeMakesExactlyOneEntryWithEveryField() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String owner = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        Token token = token(owner, "customers:read", "customers:write");
        String client = forwardedAddress();
        Session session = Session.open(base, token.secret(), client, "audit-it", "2.5");

        String name = "Audit " + UUID.randomUUID();
        JsonObject created = session.call(11, "create_customer", Json.createObjectBuilder().add("customer",
                Json.createObjectBuilder().add("name", name).add("email", "audit@example.com")
                        .add("ssn", "123-45-6789")).build());
        assertFalse(created.getBoolean("isError"), created.toString());
        long id = created.getJsonObject("structuredContent").getJsonNumber("id").longValue();
        JsonObject denied = session.call(12, "delete_customer", Json.createObjectBuilder().add("id", id).build());
        assertTrue(denied.getBoolean("isError"));
        JsonObject invalid = session.call("thirteen", "create_customer", Json.createObjectBuilder()
                .add("customer", Json.createObjectBuilder().add("email", "no-name@example.com")).build());
        assertTrue(invalid.getBoolean("isError"));
        JsonObject missing = session.call(14, "retrieve_customer",
                Json.createObjectBuilder().add("id", 987654321).build());
        assertTrue(missing.getBoolean("isError"));
        HttpResponse<String> unknown = session.post(15, "no_such_tool", JsonValue.EMPTY_JSON_OBJECT);
        assertTrue(unknown.body().contains("-32602"), unknown.body());
        Instant after = Instant.now().plusMillis(1);

        JsonArray entries = search("token=" + token.id());
        assertEquals(5, entries.size(), "one entry per call: " + entries);
        Map<String, JsonObject> byRequest = new HashMap<>();
        for (JsonValue value : entries) {
            JsonObject entry = value.asJsonObject();
            byRequest.put(entry.getString("requestId"), entry);
            // the same for every entry of this agent
            assertEquals(owner, entry.getString("user"));
            assertEquals("AGENT_TOKEN", entry.getString("credentialKind"));
            assertEquals(String.valueOf(token.id()), entry.getString("credentialId"));
            assertEquals("it " + owner, entry.getString("credentialName"));
            assertEquals(client, entry.getString("clientIp"), "the trusted proxy's X-Forwarded-For");
            assertEquals(session.id(), entry.getString("sessionId"));
            assertEquals("audit-it", entry.getString("clientName"));
            assertEquals("2.5", entry.getString("clientVersion"));
            Instant at = Instant.parse(entry.getString("timestamp"));
            assertFalse(at.isBefore(before) || at.isAfter(after), at + " not within the test");
            assertEquals(at, at.truncatedTo(ChronoUnit.MILLIS), "milliseconds");
            assertTrue(entry.getJsonNumber("durationMs").longValue() >= 0);
        }
        List<String> newestFirst = entries.stream().map(v -> v.asJsonObject().getString("requestId")).toList();
        assertEquals(List.of("15", "14", "thirteen", "12", "11"), newestFirst);

        JsonObject success = byRequest.get("11");
        assertEquals("create_customer", success.getString("tool"));
        assertEquals("io.mcpee.demo.CustomerResource.create", success.getString("target"));
        assertEquals("SUCCESS", success.getString("outcome"));
        assertEquals(201, success.getInt("status"));
        assertEquals(JsonValue.NULL, success.get("error"));
        JsonObject arguments = success.getJsonObject("arguments").getJsonObject("customer");
        assertEquals(name, arguments.getString("name"));
        assertEquals("***", arguments.getString("ssn"), "a @Sensitive argument is masked");

        JsonObject deniedEntry = byRequest.get("12");
        assertEquals("DENIED", deniedEntry.getString("outcome"));
        assertEquals(403, deniedEntry.getInt("status"));
        assertEquals("io.mcpee.demo.CustomerResource.delete", deniedEntry.getString("target"));
        assertEquals(id, deniedEntry.getJsonObject("arguments").getJsonNumber("id").longValue());
        assertTrue(deniedEntry.getString("error").startsWith("HTTP 403"), deniedEntry.toString());

        JsonObject invalidEntry = byRequest.get("thirteen");
        assertEquals("INVALID", invalidEntry.getString("outcome"));
        assertEquals(400, invalidEntry.getInt("status"));
        assertTrue(invalidEntry.getString("error").contains("customer.name"), invalidEntry.toString());

        JsonObject errorEntry = byRequest.get("14");
        assertEquals("ERROR", errorEntry.getString("outcome"));
        assertEquals(404, errorEntry.getInt("status"));
        assertEquals("HTTP 404 Not Found: Customer 987654321 not found", errorEntry.getString("error"));

        JsonObject unknownEntry = byRequest.get("15");
        assertEquals("INVALID", unknownEntry.getString("outcome"));
        assertEquals("no_such_tool", unknownEntry.getString("tool"));
        assertEquals(JsonValue.NULL, unknownEntry.get("target"));
        assertTrue(unknownEntry.getString("error").contains("Unknown tool"), unknownEntry.toString());

        // the call that was denied changed nothing: the customer is still there
        JsonObject still = session.call(16, "retrieve_customer", Json.createObjectBuilder().add("id", id).build());
        assertFalse(still.getBoolean("isError"), still.toString());
    }

    @Test
    void theApiFiltersPagesAndKeepsItselfToAuditors() throws Exception {
        String owner = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        Token token = token(owner, "customers:read");
        Session session = Session.open(base, token.secret(), forwardedAddress(), "pages-it", "1");
        for (int i = 1; i <= 5; i++) {
            session.call(i, "list_customers", Json.createObjectBuilder().add("limit", i).build());
        }
        session.call(6, "create_customer", Json.createObjectBuilder().add("customer",
                Json.createObjectBuilder().add("name", "Nope").add("email", "nope@example.com")).build());

        assertEquals(6, search("user=" + owner).size());
        assertEquals(5, search("user=" + owner + "&tool=list_customers").size());
        assertEquals(1, search("user=" + owner + "&outcome=denied").size());
        assertEquals(6, search("user=" + owner + "&outcome=SUCCESS,DENIED").size());
        assertEquals(0, search("user=" + owner + "&outcome=THROTTLED").size());
        assertEquals(0, search("user=" + owner + "&from=" + Instant.now().plusSeconds(60)).size());
        assertEquals(0, search("user=" + owner + "&to=" + Instant.now().minusSeconds(3600)).size());
        assertEquals(6, search("user=" + owner + "&from=" + Instant.now().minusSeconds(3600) + "&to="
                + Instant.now().plusSeconds(60)).size());

        // keyset paging, newest first: 2 + 2 + 2, no overlap, no gap
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = api(TestTokens.ADMIN, "audit?user=" + owner + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), 200);
            page.getJsonArray("items").forEach(v -> seen.add(v.asJsonObject().getString("requestId")));
            cursor = page.isNull("next") ? null : page.getString("next");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(List.of("6", "5", "4", "3", "2", "1"), seen);
        assertEquals(3, pages);

        // an auditor may read; an ordinary token may not; no token is a 401
        String auditor = TestTokens.create(base, "auditor-" + owner, "mcp-auditor");
        assertEquals(6, api(auditor, "audit?user=" + owner, 200).getJsonArray("items").size());
        assertTrue(api(token.secret(), "audit", 403).getString("error").contains("mcp-auditor"));
        assertEquals(401, get("", "audit").statusCode());
        // bad parameters are a 400 that says what is wrong
        assertTrue(api(auditor, "audit?outcome=MAYBE", 400).getString("error").contains("outcome"));
        assertTrue(api(auditor, "audit?from=yesterday", 400).getString("error").contains("from"));
        assertTrue(api(auditor, "audit?limit=0", 400).getString("error").contains("limit"));
        assertTrue(api(auditor, "audit?cursor=%25%25", 400).getString("error").contains("cursor"));
        assertTrue(api(auditor, "audit?to=%2B1000000000-01-01T00:00:00Z", 400).getString("error").contains("to"));
        assertTrue(api(auditor, "audit/unauthenticated?from=-500000-01-01T00:00:00Z", 400).getString("error")
                .contains("from"));
    }

    @Test
    void unauthenticatedRequestsAreCountedNotRecorded() throws Exception {
        String client = forwardedAddress();
        McpHttp anonymous = new McpHttp(base, null);
        for (int i = 0; i < 7; i++) {
            String authorization = i % 2 == 0 ? "" : "Bearer mcp_0000000000000bad_" + "0".repeat(64);
            Map<String, String> headers = McpHttp.jsonHeaders("X-Forwarded-For", client);
            if (!authorization.isEmpty()) {
                headers.put("Authorization", authorization);
            }
            HttpResponse<String> refused = anonymous.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"list_customers\"}}", headers);
            assertEquals(401, refused.statusCode());
        }
        // written once a period (PT1S in this deployment)
        long counted = 0;
        for (int attempt = 0; attempt < 60 && counted < 7; attempt++) {
            Thread.sleep(500);
            counted = 0;
            for (JsonValue value : api(TestTokens.ADMIN, "audit/unauthenticated", 200).getJsonArray("items")) {
                if (value.asJsonObject().getString("clientIp").equals(client)) {
                    counted += value.asJsonObject().getJsonNumber("requests").longValue();
                }
            }
        }
        assertEquals(7, counted);
        assertEquals(0, search("user=anonymous").stream()
                .filter(v -> client.equals(v.asJsonObject().getString("clientIp", null))).count(),
                "no entry per refused request");
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A documentation address (RFC 5737) not used by any other test run, for the X-Forwarded-For header. */
    private static String forwardedAddress() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    private Token token(String owner, String... permissions) {
        var grants = Json.createArrayBuilder();
        for (String permission : permissions) {
            grants.add(permission);
        }
        JsonObject issued = TestTokens.adminCall(base, "POST", "tokens", Json.createObjectBuilder()
                .add("name", "it " + owner).add("owner", owner).add("permissions", grants).build().toString());
        return new Token(issued.getJsonObject("token").getJsonNumber("id").longValue(), issued.getString("secret"));
    }

    private record Token(long id, String secret) {
    }

    private JsonArray search(String query) throws Exception {
        return api(TestTokens.ADMIN, "audit?limit=500&" + query, 200).getJsonArray("items");
    }

    private JsonObject api(String token, String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = get(token, path);
        assertEquals(expectedStatus, response.statusCode(), path + ": " + response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "")
                + "/mcp-ee/api/" + path)).timeout(Duration.ofSeconds(30)).GET();
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An MCP session over raw HTTP through localhost, sending X-Forwarded-For as a proxy in front would. */
    record Session(McpHttp http, String id, String forwardedFor) {
        static Session open(URL base, String token, String forwardedFor, String clientName, String clientVersion)
                throws IOException, InterruptedException {
            McpHttp http = new McpHttp(base, token);
            HttpResponse<String> response = http.post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                    + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\""
                    + clientName + "\",\"version\":\"" + clientVersion + "\"}}}",
                    McpHttp.jsonHeaders("X-Forwarded-For", forwardedFor));
            assertEquals(200, response.statusCode(), response.body());
            Session session = new Session(http, response.headers().firstValue("Mcp-Session-Id").orElseThrow(),
                    forwardedFor);
            assertEquals(202, http.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    McpHttp.sessionHeaders(session.id(), "X-Forwarded-For", forwardedFor)).statusCode());
            return session;
        }

        HttpResponse<String> post(Object requestId, String tool, JsonObject arguments)
                throws IOException, InterruptedException {
            String id = requestId instanceof String text ? "\"" + text + "\"" : String.valueOf(requestId);
            String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                    + tool + "\",\"arguments\":" + arguments + "}}";
            return http.post(body, McpHttp.sessionHeaders(this.id, "X-Forwarded-For", forwardedFor));
        }

        /** The tool result of a call that must get one. */
        JsonObject call(Object requestId, String tool, JsonObject arguments) throws IOException, InterruptedException {
            HttpResponse<String> response = post(requestId, tool, arguments);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject message = Json.createReader(new StringReader(response.body())).readObject();
            if (!message.containsKey("result")) {
                fail(tool + " got no result: " + message);
            }
            return message.getJsonObject("result");
        }
    }
}
