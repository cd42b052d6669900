package io.mcpee.it;

import io.modelcontextprotocol.client.McpSyncClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's run command keeps its data, through a crash too: start the product with server-config/payara/run.sh
 * (what "mvn package -Prun" runs) on the embedded default, write through MCP from eight clients at once, kill the
 * server with SIGKILL in the middle of it, start it again on the same data folder with a client polling all along,
 * and find every write that was answered as done, with its audit entry — and no answer, while it restarts, from a
 * half-deployed application.
 */
class RestartIT {
    private static final int WRITERS = 8;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path data;

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        RunScript.stop(server);
    }

    @Test
    void answeredWritesSurviveACrashAndARestartAnswersOnlyWhenReady() throws Exception {
        int port = RunScript.freePort();
        URL base = URI.create("http://localhost:" + port + "/").toURL();
        String name = "Survivor " + UUID.randomUUID();

        start(port, "first");
        // first start with no admin: one is made and written to a file only the server's user can read
        Path adminFile = data.resolve("data/admin-token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(adminFile)));
        String admin = Files.readString(adminFile).strip();
        assertTrue(admin.matches("mcp_[0-9a-f]{16}_[0-9a-f]{64}"), "a token of the documented shape");
        String firstLog = Files.readString(data.resolve("payara-first.log"));
        assertTrue(firstLog.contains(adminFile.toAbsolutePath().toString()), "the log says where");
        assertFalse(firstLog.contains("Boot Command") && firstLog.contains("failed"),
                "every command of server-config/payara ran");
        // run.sh deploys at context root "/": the admin page is served there, publicly, beside the API it calls
        assertAdminPageServed(base);
        String token = TestTokens.adminCall(base, admin, "POST", "tokens", "{\"name\":\"crash\",\"owner\":\"erin\","
                + "\"rateLimit\":\"1000000/hour\",\"permissions\":[\"customers:read\",\"customers:write\"]}")
                .getString("secret");
        Number id;
        McpSyncClient client = McpClients.connect(base, token);
        try {
            McpSchema.CallToolResult created = McpClients.call(client, "create_customer",
                    Map.of("customer", Map.of("name", name, "phone", "+1 555 0100")));
            assertFalse(created.isError(), () -> McpClients.text(created));
            id = (Number) McpClients.structured(created).get("id");
        } finally {
            client.closeGracefully();
        }

        // writes from eight clients, and SIGKILL while they are at it
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> write(base, token, writer, writing, acknowledged));
        }
        Thread.sleep(6_000);
        assertTrue(acknowledged.size() > 50, "writes under way: " + acknowledged.size());
        server.destroyForcibly();
        server.waitFor();
        writing.set(false);
        writers.shutdown();
        assertTrue(writers.awaitTermination(1, TimeUnit.MINUTES));
        Files.delete(adminFile);

        // the second start, polled from before the server listens until it answers
        Poller poller = new Poller(base, token);
        Thread polling = new Thread(poller, "poller");
        polling.start();
        start(port, "second");
        poller.awaitAnswers(20);
        poller.stop();
        polling.join();
        assertEquals(List.of(), poller.wrongAnswers(), "while restarting, only no connection or the ready answer");
        assertTrue(poller.answered() >= 20);

        assertFalse(Files.exists(adminFile), "an admin token exists, so none is made again");
        // every write that was answered as done is there, with its audit entry
        List<String> missing = new ArrayList<>();
        for (Map.Entry<Long, String> write : acknowledged.entrySet()) {
            HttpResponse<String> customer = get(base + "api/customers/" + write.getKey(), token);
            if (customer.statusCode() != 200 || !customer.body().contains(write.getValue())) {
                missing.add(write.getValue() + ": " + customer.statusCode());
            }
        }
        assertEquals(List.of(), missing, "of " + acknowledged.size() + " answered creates");
        Set<String> audited = auditedNames(base, admin);
        List<String> unaudited = acknowledged.values().stream().filter(n -> !audited.contains(n)).toList();
        assertEquals(List.of(), unaudited, "every answered create has its audit entry");
        // the token outlives the restart too
        client = McpClients.connect(base, token);
        try {
            McpSchema.CallToolResult retrieved = McpClients.call(client, "retrieve_customer", Map.of("id", id));
            assertFalse(retrieved.isError(), () -> McpClients.text(retrieved));
            assertEquals(name, McpClients.structured(retrieved).get("name"));
        } finally {
            client.closeGracefully();
        }
        String secondLog = Files.readString(data.resolve("payara-second.log"));
        assertEquals(1, secondLog.split("Loading application \\[mcp-ee").length - 1, "deployed once");
        // no secret ever reaches the log
        for (String log : new String[]{"payara-first.log", "payara-second.log"}) {
            String text = Files.readString(data.resolve(log));
            assertFalse(text.contains(admin.substring(admin.lastIndexOf('_') + 1)), log + " shows the admin secret");
            assertFalse(text.contains(token.substring(token.lastIndexOf('_') + 1)), log + " shows the agent secret");
        }
    }

    /** Creates customers through raw tools/call until told to stop; remembers each one answered as created. */
    private static Void write(URL base, String token, int writer, AtomicBoolean writing,
                              Map<Long, String> acknowledged) throws Exception {
        McpHttp mcp = new McpHttp(base, token);
        String session = mcp.initialize();
        for (int n = 0; writing.get(); n++) {
            String name = "Crash " + writer + "-" + n;
            HttpResponse<String> response;
            try {
                response = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":" + n + ",\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"create_customer\",\"arguments\":{\"customer\":{\"name\":\"" + name
                        + "\",\"phone\":\"1\"}}}}", McpHttp.sessionHeaders(session));
            } catch (IOException e) {
                return null; // the server is gone: what was answered before is what counts
            }
            JsonObject result = Json.createReader(new StringReader(response.body())).readObject()
                    .getJsonObject("result");
            if (response.statusCode() == 200 && result != null && !result.getBoolean("isError", false)) {
                acknowledged.put(result.getJsonObject("structuredContent").getJsonNumber("id").longValueExact(),
                        name);
            }
        }
        return null;
    }

    /** The names of the customers whose creation the audit log records as done. */
    private static Set<String> auditedNames(URL base, String admin) throws Exception {
        Set<String> names = new HashSet<>();
        String cursor = null;
        do {
            HttpResponse<String> page = get(base + "mcp-ee/api/audit?tool=create_customer&outcome=SUCCESS&limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor), admin);
            assertEquals(200, page.statusCode(), page.body());
            JsonObject body = Json.createReader(new StringReader(page.body())).readObject();
            for (JsonValue item : body.getJsonArray("items")) {
                names.add(item.asJsonObject().getJsonObject("arguments").getJsonObject("customer").getString("name"));
            }
            cursor = body.isNull("next") ? null : body.getString("next");
        } while (cursor != null);
        return names;
    }

    private static HttpResponse<String> get(String uri, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Polls a REST read and the admin page while the server starts: before it is ready the only acceptable outcome
     * is no connection at all; every answer must be the ready application's (200, not a 404, a 500 or an HTML error
     * page of a server that is up but not yet deployed).
     */
    private static final class Poller implements Runnable {
        private final String api;
        private final String page;
        private final String token;
        private final List<String> wrong = new CopyOnWriteArrayList<>();
        private final AtomicInteger answered = new AtomicInteger();
        private volatile boolean running = true;

        Poller(URL base, String token) {
            this.api = base + "api/customers?limit=1";
            this.page = base + "mcp-ee/admin/";
            this.token = token;
        }

        @Override
        public void run() {
            while (running) {
                for (String uri : List.of(api, page)) {
                    try {
                        HttpResponse<String> response = get(uri, token);
                        answered.incrementAndGet();
                        String type = response.headers().firstValue("Content-Type").orElse("");
                        boolean expected = response.statusCode() == 200
                                && (uri.equals(page) ? type.startsWith("text/html") : type.startsWith("application/json"));
                        if (!expected && wrong.size() < 10) {
                            wrong.add(uri + " " + response.statusCode() + " " + type + " "
                                    + response.body().substring(0, Math.min(80, response.body().length())));
                        }
                    } catch (IOException e) {
                        // not listening yet: no answer is the right answer before the application is ready
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void awaitAnswers(int count) throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (answered.get() < count && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
        }

        void stop() {
            running = false;
        }

        int answered() {
            return answered.get();
        }

        List<String> wrongAnswers() {
            return List.copyOf(wrong);
        }
    }

    private void start(int port, String run) throws IOException, InterruptedException {
        server = RunScript.start(data, run, Map.of("MCPEE_HTTP_PORT", String.valueOf(port)));
    }

    private static void assertAdminPageServed(URL base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String path : new String[] {"mcp-ee/admin/", "mcp-ee/admin/admin.js", "mcp-ee/admin/admin.css"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "GET /" + path + ": " + response.body());
        }
    }
}
