package io.mcpee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No request is left without an answer: 20,000 concurrent calls — MCP tool calls and REST requests, half of them
 * writes — from 16 clients sharing one agent token, on a freshly started server (where requests once hung forever
 * in the token lookup, about one in 2,000-4,000). Every request has a timeout; every one must be answered, with
 * success.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SoakIT {
    private static final int CLIENTS = 16;
    private static final int CALLS = 20_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @Test
    void everyOneOfTwentyThousandConcurrentCallsIsAnswered() throws Exception {
        // one token for every client, with a budget the soak cannot exhaust (only an admin may set it)
        String token = TestTokens.adminCall(base, "POST", "tokens", Json.createObjectBuilder().add("name", "soak")
                .add("owner", "sol").add("rateLimit", "1000000/hour")
                .add("permissions", Json.createArrayBuilder().add("customers:read").add("customers:write"))
                .build().toString()).getString("secret");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4)).build();
        String root = "http://localhost:" + base.getPort() + base.getPath();
        McpHttp mcp = new McpHttp(base, token);

        AtomicInteger next = new AtomicInteger();
        LongAdder answered = new LongAdder();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                String session = mcp.initialize();
                int call;
                while ((call = next.getAndIncrement()) < CALLS) {
                    HttpRequest request = switch (call % 4) {
                        case 0 -> toolCall(mcp, session, call, "create_customer",
                                "{\"customer\":{\"name\":\"Soak " + call + "\",\"phone\":\"" + call + "\"}}", token);
                        case 1 -> toolCall(mcp, session, call, "list_customers", "{\"limit\":1}", token);
                        case 2 -> HttpRequest.newBuilder(URI.create(root + "api/customers")).timeout(TIMEOUT)
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Rest " + call
                                        + "\",\"phone\":\"" + call + "\"}")).build();
                        default -> HttpRequest.newBuilder(URI.create(root + "api/customers?limit=1")).timeout(TIMEOUT)
                                .header("Authorization", "Bearer " + token).GET().build();
                    };
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        answered.increment();
                        boolean ok = response.statusCode() / 100 == 2 && succeeded(call % 4 < 2, response.body());
                        if (!ok) {
                            failures.computeIfAbsent(response.statusCode() + " " + abbreviate(response.body()),
                                    k -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (HttpTimeoutException e) {
                        failures.computeIfAbsent("no answer within " + TIMEOUT.toSeconds() + " s",
                                k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get(15, TimeUnit.MINUTES);
        }
        clients.shutdown();
        assertEquals(Map.of(), new TreeMap<>(failures), "every call answered with success");
        assertEquals(CALLS, answered.sum());
        // and every write is there: a quarter of the calls created through MCP, a quarter through REST
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(root + "api/customers?limit=1"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonObject page = Json.createReader(new StringReader(list.body())).readObject();
        assertEquals(CALLS / 2, page.getJsonNumber("total").longValueExact(), "customers created");
    }

    private static HttpRequest toolCall(McpHttp mcp, String session, int id, String tool, String arguments,
                                        String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(mcp.endpoint()).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":" + id
                        + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":"
                        + arguments + "}}"));
        McpHttp.sessionHeaders(session).forEach(request::header);
        return request.header("Authorization", "Bearer " + token).build();
    }

    /**
     * A 2xx answer that reports success: for a tool call (answered 200 in a session whatever happened), a JSON-RPC
     * result that is not a tool error; for a REST request, any body.
     */
    private static boolean succeeded(boolean toolCall, String body) {
        if (!toolCall) {
            return true;
        }
        JsonObject message = Json.createReader(new StringReader(body)).readObject();
        return message.containsKey("result") && !message.getJsonObject("result").getBoolean("isError", false);
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
