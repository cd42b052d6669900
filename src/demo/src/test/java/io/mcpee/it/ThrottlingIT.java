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

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.mcpee.it.McpHttp.sessionHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Throttling on Payara, with the small rates of the failsafe execution "throttling" (pom.xml):
 * {@code mcpee.throttle.anonymous=3/hour}, {@code mcpee.throttle.listing=6/hour},
 * {@code mcpee.throttle.tool.retrieve_customer=2/hour}, anonymous access on; the demo's {@code delete_customer}
 * declares {@code @McpTool(rateLimit = "10/minute")}. Each test uses its own token, so its own budgets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThrottlingIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @Test
    void ofConcurrentCallsExactlyTheTokensLimitRunAndTheRestChangeNothing() throws Exception {
        int limit = 5;
        int callers = 32;
        String token = TestTokens.createLimited(base, "cora", limit + "/hour", "customers:read", "customers:write");
        McpHttp http = new McpHttp(base, token);
        String session = http.initialize();
        String marker = "throttle-" + UUID.randomUUID().toString().substring(0, 8);

        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return http.post(call(n, "create_customer", "{\"customer\":{\"name\":\"" + marker + " " + n
                            + "\",\"email\":\"" + marker + n + "@example.com\"}}"), sessionHeaders(session));
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        int admitted = 0;
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() == 200) {
                admitted++;
                assertFalse(json(response.body()).getJsonObject("result").getBoolean("isError"), response.body());
            } else {
                assertThrottled(response);
            }
        }
        assertEquals(limit, admitted, "exactly the token's limit of " + callers + " concurrent calls runs");

        // the REST API shows that only the admitted calls created a customer (asked with another token of the same
        // owner: REST requests spend the agent's budget too, and this one's is spent)
        String reader = TestTokens.create(base, "cora", "customers:read");
        JsonObject page = json(rest(reader, "/api/customers?q=" + marker + "&limit=200"));
        assertEquals(limit, page.getJsonNumber("total").intValue(), page.toString());

        // and the budget stays spent
        assertThrottled(http.post(call(99, "list_customers", "{}"), sessionHeaders(session)));

        // each call has exactly one audit entry: the admitted ones SUCCESS, the refused ones THROTTLED with 429
        // (the reader's REST request above is cora's too: one SUCCESS entry of channel REST, left out here)
        JsonArray entries = Json.createArrayBuilder(json(TestTokens.adminText(base, "audit?user=cora&limit=500"))
                .getJsonArray("items").stream().filter(e -> e.asJsonObject().getString("channel").equals("MCP"))
                .toList()).build();
        assertEquals(callers + 1, entries.size(), entries.toString());
        long succeeded = entries.stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("outcome").equals("SUCCESS") && e.getInt("status") == 201).count();
        assertEquals(limit, succeeded);
        List<JsonObject> throttled = entries.stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("outcome").equals("THROTTLED")).toList();
        assertEquals(callers + 1 - limit, throttled.size());
        for (JsonObject entry : throttled) {
            assertEquals(429, entry.getInt("status"));
            assertTrue(entry.getString("error").startsWith("Too many requests: retry after"), entry.toString());
            assertEquals("io.mcpee.demo.CustomerResource." + (entry.getString("tool").equals("list_customers")
                    ? "list" : "create"), entry.getString("target"));
        }
    }

    @Test
    void aToolsOwnLimitComesOnTopOfTheAgentsBudgetAndARefusalByItCostsNothingOfThatBudget() throws Exception {
        // delete_customer: @McpTool(rateLimit = "10/minute"); the token: 13 calls an hour overall
        String token = TestTokens.createLimited(base, "dora", "13/hour", "customers:read", "customers:delete");
        McpHttp http = new McpHttp(base, token);
        String session = http.initialize();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> deleted = http.post(call(i, "delete_customer", "{\"id\":" + (990_000 + i) + "}"),
                    sessionHeaders(session));
            assertEquals(200, deleted.statusCode(), deleted.body());
            assertTrue(deleted.body().contains("HTTP 404"), "admitted, and no such customer: " + deleted.body());
        }
        for (int i = 10; i < 12; i++) {
            HttpResponse<String> refused = http.post(call(i, "delete_customer", "{\"id\":" + (990_000 + i) + "}"),
                    sessionHeaders(session));
            long retryAfter = assertThrottled(refused);
            assertTrue(retryAfter <= 60, "the tool's window is a minute: " + retryAfter);
        }
        // 10 of 13 spent: the two refused deletes did not count
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> listed = http.post(call(20 + i, "list_customers", "{}"), sessionHeaders(session));
            assertEquals(200, listed.statusCode(), listed.body());
        }
        long retryAfter = assertThrottled(http.post(call(30, "list_customers", "{}"), sessionHeaders(session)));
        assertTrue(retryAfter > 60, "now the hourly budget refuses: " + retryAfter);
    }

    @Test
    void aToolLimitFromConfigurationApplies() throws Exception {
        // mcpee.throttle.tool.retrieve_customer=2/hour; the token has the default overall budget
        String token = TestTokens.create(base, "eve", "customers:read");
        McpHttp http = new McpHttp(base, token);
        String session = http.initialize();
        for (int i = 0; i < 2; i++) {
            assertEquals(200, http.post(call(i, "retrieve_customer", "{\"id\":1}"), sessionHeaders(session))
                    .statusCode());
        }
        assertThrottled(http.post(call(2, "retrieve_customer", "{\"id\":1}"), sessionHeaders(session)));
        assertEquals(200, http.post(call(3, "list_customers", "{}"), sessionHeaders(session)).statusCode(),
                "other tools are not affected");
    }

    @Test
    void listingAndPingHaveTheirOwnBudget() throws Exception {
        // mcpee.throttle.listing=6/hour; the token's tool budget is the default
        String token = TestTokens.create(base, "lena", "customers:read");
        McpHttp http = new McpHttp(base, token);
        String session = http.initialize();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.post(request(i, "tools/list"), sessionHeaders(session)).statusCode());
            assertEquals(200, http.post(request(10 + i, "ping"), sessionHeaders(session)).statusCode());
        }
        assertThrottled(http.post(request(20, "ping"), sessionHeaders(session)));
        assertThrottled(http.post(request(21, "tools/list"), sessionHeaders(session)));
        assertEquals(200, http.post(call(22, "list_customers", "{}"), sessionHeaders(session)).statusCode(),
                "tool calls draw on another budget");
        assertTrue(http.initialize().length() > 0, "initialize is not a listing");
    }

    @Test
    void aBatchAnswersEachThrottledRequestAndIs429OnlyWhenAllWere() throws Exception {
        String token = TestTokens.createLimited(base, "bart", "1/hour", "customers:read");
        McpHttp http = new McpHttp(base, token);
        String session = http.initialize();
        String batch = "[" + call(1, "list_customers", "{}") + "," + call(2, "list_customers", "{}") + "]";
        HttpResponse<String> partly = http.post(batch, sessionHeaders(session, "MCP-Protocol-Version",
                "2025-03-26"));
        assertEquals(200, partly.statusCode(), partly.body());
        JsonArray answers = Json.createReader(new StringReader(partly.body())).readArray();
        assertEquals(2, answers.size());
        assertTrue(answers.getJsonObject(0).containsKey("result"), partly.body());
        assertEquals(-32029, answers.getJsonObject(1).getJsonObject("error").getInt("code"), partly.body());

        HttpResponse<String> all = http.post(batch, sessionHeaders(session, "MCP-Protocol-Version", "2025-03-26"));
        assertEquals(429, all.statusCode(), all.body());
        assertTrue(all.headers().firstValue("Retry-After").isPresent());
        for (JsonValue answer : Json.createReader(new StringReader(all.body())).readArray()) {
            assertEquals(-32029, answer.asJsonObject().getJsonObject("error").getInt("code"), all.body());
        }
    }

    @Test
    void anonymousCallersAreThrottledPerAddressBeforeAuthorization() throws Exception {
        // mcpee.throttle.anonymous=3/hour; anonymous may call no demo tool, yet each attempt costs a permit
        McpHttp http = new McpHttp(base, null);
        String session = http.initialize();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> denied = http.post(call(i, "list_customers", "{}"), sessionHeaders(session));
            assertEquals(200, denied.statusCode(), denied.body());
            assertTrue(denied.body().contains("HTTP 403 Forbidden"), denied.body());
        }
        assertThrottled(http.post(call(3, "list_customers", "{}"), sessionHeaders(session)));
    }

    @Test
    void onlyAnAdminMayGiveATokenMoreThanTheDefaultRate() throws Exception {
        String ada = TestTokens.create(base, "ada", "mcp-tokens", "customers:read");
        assertEquals(201, createOwnToken(ada, "600/hour").statusCode());
        HttpResponse<String> above = createOwnToken(ada, "2000/hour");
        assertEquals(403, above.statusCode(), above.body());
        assertTrue(above.body().contains("above the default 1000/hour"), above.body());
        HttpResponse<String> malformed = createOwnToken(ada, "lots/hour");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(malformed.body().contains("100/minute"), malformed.body());
    }

    /** 429, a Retry-After in seconds, and the JSON-RPC error -32029 saying the same; returns the seconds. */
    private static long assertThrottled(HttpResponse<String> response) {
        assertEquals(429, response.statusCode(), response.body());
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
        JsonObject error = json(response.body()).getJsonObject("error");
        assertEquals(-32029, error.getInt("code"), response.body());
        assertEquals("Too many requests: retry after " + retryAfter + " s", error.getString("message"));
        assertEquals(retryAfter, error.getJsonObject("data").getJsonNumber("retryAfter").longValue());
        return retryAfter;
    }

    private static String call(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private static String request(int id, String method) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\"}";
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private String rest(String token, String path) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private HttpResponse<String> createOwnToken(String token, String rateLimit) throws Exception {
        String body = Json.createObjectBuilder().add("name", "own " + rateLimit).add("rateLimit", rateLimit).build()
                .toString();
        return CLIENT.send(HttpRequest.newBuilder(uri("/mcp-ee/api/tokens")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }
}
