package io.mcpee.it;

import io.mcpee.it.outage.ArchiveResource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL goes away under load and comes back (execution "payara-outage": the server reaches PostgreSQL
 * through {@link TcpProxy}, which the test cuts and restores). While it is away every request — MCP tool calls,
 * REST reads, the admin API — gets an answer within a bounded time: 503 with {@code Retry-After} and a JSON body
 * (a JSON-RPC error at {@code /mcp}); nothing is carried out unrecorded; the log says so once, without a flood of
 * stack traces; and calls succeed again within 5 seconds of the database's return, with no restart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutageIT {
    private static final Duration BOUND = Duration.ofSeconds(4);
    private static final TcpProxy PROXY = startProxy();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();

    @ArquillianResource
    URL base;

    /** Up before the server boots: its connection pool points at the proxy. */
    private static TcpProxy startProxy() {
        TcpProxy proxy = new TcpProxy(Integer.getInteger("mcpee.test.outage.port", 25432),
                System.getProperty("mcpee.test.db.host", "localhost"),
                Integer.getInteger("mcpee.test.db.port", 5432));
        try {
            proxy.restore();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return proxy;
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar().addClass(ArchiveResource.class);
    }

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    private static String describe(Outcome outcome, long cut) {
        return outcome.kind() + " started " + Duration.ofNanos(outcome.startedNanos() - cut).toMillis()
                + " ms after the cut, answered " + outcome.status() + " "
                + outcome.body().substring(0, Math.min(160, outcome.body().length()));
    }

    /** One answer (or none), and when. */
    private record Outcome(String kind, long startedNanos, long tookNanos, int status, String retryAfter,
                           String contentType, String body) {
        boolean answered() {
            return status > 0;
        }
    }

    @Test
    void anOutageIsABoundedCleanRefusalAndTheServiceComesBackByItself() throws Exception {
        String token = TestTokens.adminCall(base, "POST", "tokens", Json.createObjectBuilder().add("name", "outage")
                .add("owner", "otis").add("rateLimit", "1000000/hour")
                .add("permissions", Json.createArrayBuilder().add("customers:read").add("customers:write"))
                .build().toString()).getString("secret");
        String root = "http://localhost:" + base.getPort() + base.getPath();
        McpHttp mcp = new McpHttp(base, token);
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(9);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            String session = mcp.initialize();
            futures.add(clients.submit(() -> {
                while (running.get()) {
                    String name = "Outage " + sequence.incrementAndGet();
                    Outcome outcome = send("mcp", toolCall(mcp, session, name, token));
                    outcomes.add(outcome);
                    if (outcome.status() == 200 && outcome.body().contains("\"isError\":false")) {
                        acknowledged.add(name);
                    }
                }
                return null;
            }));
        }
        for (int c = 0; c < 4; c++) {
            futures.add(clients.submit(() -> {
                while (running.get()) {
                    outcomes.add(send("rest", HttpRequest.newBuilder(URI.create(root + "api/customers?limit=1"))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET()
                            .build()));
                }
                return null;
            }));
        }
        futures.add(clients.submit(() -> {
            while (running.get()) {
                outcomes.add(send("admin", HttpRequest.newBuilder(URI.create(root + "mcp-ee/api/tokens"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TestTokens.ADMIN).GET()
                        .build()));
                Thread.sleep(100);
            }
            return null;
        }));

        Thread.sleep(4_000);
        Instant outageStart = Instant.now();
        long cut = System.nanoTime();
        PROXY.cut();
        // the requests in flight at the cut fail as they may (the container logs their broken commits); after that,
        // the log must stay quiet however many requests come
        Thread.sleep(10_000);
        Instant outageEnd = Instant.now();
        long restored = System.nanoTime();
        PROXY.restore();
        Thread.sleep(8_000);
        running.set(false);
        for (Future<?> future : futures) {
            future.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();
        String logDuring = String.join("\n", logRecords(outageStart, Instant.now()));
        String logSettledDuring = String.join("\n", logRecords(outageStart.plusSeconds(2), outageEnd));

        // during the outage: every request answered, soon, and only with success or a clean 503
        Map<String, Integer> wrong = new TreeMap<>();
        long slowest = 0;
        Outcome slowestOne = null;
        int refused = 0;
        for (Outcome outcome : outcomes) {
            boolean during = outcome.startedNanos() >= cut && outcome.startedNanos() < restored;
            if (!outcome.answered()) {
                wrong.merge(outcome.kind() + ": no answer (" + outcome.body() + ")", 1, Integer::sum);
                continue;
            }
            if (during && outcome.tookNanos() > slowest) {
                slowest = outcome.tookNanos();
                slowestOne = outcome;
            }
            if (outcome.status() == 200) {
                continue;
            }
            if (outcome.status() == 503) {
                refused++;
                String problem = refusalProblem(outcome);
                if (problem != null) {
                    wrong.merge(outcome.kind() + ": " + problem, 1, Integer::sum);
                }
                continue;
            }
            wrong.merge(outcome.kind() + ": " + outcome.status() + " " + outcome.contentType() + " "
                    + outcome.body().substring(0, Math.min(100, outcome.body().length())), 1, Integer::sum);
        }
        assertEquals(Map.of(), wrong, "every answer a success or a clean 503");
        assertTrue(refused > 0, "the outage was noticed");
        assertTrue(Duration.ofNanos(slowest).compareTo(BOUND) <= 0,
                "the slowest answer during the outage took " + Duration.ofNanos(slowest).toMillis() + " ms: "
                        + describe(slowestOne, cut));

        // back within 5 s of the database's return, each kind of request
        StringBuilder figures = new StringBuilder("outage figures: ").append(outcomes.size()).append(" requests, ")
                .append(refused).append(" answered 503, slowest during the outage ")
                .append(Duration.ofNanos(slowest).toMillis()).append(" ms; back after");
        for (String kind : List.of("mcp", "rest", "admin")) {
            long firstSuccess = outcomes.stream().filter(o -> o.kind().equals(kind) && o.status() == 200
                            && o.startedNanos() >= restored).mapToLong(o -> o.startedNanos() + o.tookNanos())
                    .min().orElseThrow(() -> new AssertionError(kind + " never succeeded after the outage"));
            long millis = TimeUnit.NANOSECONDS.toMillis(firstSuccess - restored);
            figures.append(' ').append(kind).append(' ').append(millis).append(" ms");
            assertTrue(millis <= 5_000, kind + " came back after " + millis + " ms");
        }
        System.out.println(figures);

        // nothing carried out unrecorded: every customer this agent made is in the audit log, answered or not
        Set<String> made = customers(root, token);
        Set<String> audited = auditedCreates();
        Set<String> unrecorded = new HashSet<>(made);
        unrecorded.removeAll(audited);
        assertEquals(Set.of(), unrecorded, "customers without an audit entry");
        assertTrue(made.containsAll(acknowledged), "every create answered as done is there");

        // the log: said once for each kind of failure, and no flood of stack traces
        assertTrue(logDuring.contains("the database cannot be reached"), "the outage is logged");
        assertTrue(logDuring.split("the database cannot be reached \\(token lookup", -1).length - 1 <= 1,
                "once per kind and interval");
        assertTrue(logDuring.contains("the database is reachable again"), "and its end");
        long stackLines = logSettledDuring.lines().filter(line -> line.startsWith("\tat ")).count();
        assertEquals(0, stackLines, "stack trace lines in the log during the outage, past its first moments:\n"
                + logSettledDuring);
        // what is left is mcp-ee's word (once per kind) and the connection pool's one-line warnings, one to three for
        // each attempt to connect: one request a second tries
        long severe = logSettledDuring.lines().filter(line -> line.contains("SEVERE")).count();
        assertEquals(0, severe, "errors in the log during the outage:\n" + logSettledDuring);
    }

    /**
     * A request the database fails under, before anything has noticed the outage (nothing else runs): the
     * application's failure does not say why ({@link ArchiveResource} over REST, where the application would answer
     * 500; a tool's error at {@code /mcp}), and the call's audit entry cannot be written. It is answered the outage's
     * 503, as every request after it is, not an answer left unrecorded.
     */
    @Test
    void aRequestTheDatabaseFailsUnderIsAnsweredAsTheOutage() throws Exception {
        String token = TestTokens.adminCall(base, "POST", "tokens", Json.createObjectBuilder().add("name", "cut")
                .add("owner", "otis").add("permissions", Json.createArrayBuilder().add("customers:read"))
                .build().toString()).getString("secret");
        String root = "http://localhost:" + base.getPort() + base.getPath();
        HttpRequest rest = HttpRequest.newBuilder(URI.create(root + "api/archive"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
        McpHttp mcp = new McpHttp(base, token);
        String session = mcp.initialize();
        HttpRequest.Builder listing = HttpRequest.newBuilder(mcp.endpoint()).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"list_customers\",\"arguments\":{\"limit\":1}}}"));
        McpHttp.sessionHeaders(session).forEach(listing::header);
        HttpRequest tool = listing.build();

        for (HttpRequest request : List.of(rest, tool)) {
            String kind = request == rest ? "rest" : "mcp";
            Outcome before = send(kind, request);
            assertTrue(succeeded(before), "before the cut: " + before.body());
            PROXY.cut();
            try {
                Outcome during = send(kind, request);
                assertEquals(503, during.status(), "the first request after the cut: " + during.body());
                assertNull(refusalProblem(during), during.body());
            } finally {
                PROXY.restore();
            }
            awaitSuccess(kind, request);
        }
    }

    /** The database is back: the request succeeds again within 15 s. */
    private static void awaitSuccess(String kind, HttpRequest request) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Outcome last;
        do {
            Thread.sleep(250);
            last = send(kind, request);
        } while (!succeeded(last) && System.nanoTime() < deadline);
        assertTrue(succeeded(last), kind + " after the database came back: " + last.status() + " " + last.body());
    }

    private static boolean succeeded(Outcome outcome) {
        return outcome.status() == 200
                && (outcome.kind().equals("rest") || outcome.body().contains("\"isError\":false"));
    }

    /**
     * The records this server logged between two instants, read from its log files (Payara Micro numbers and rotates
     * the file named with --logtofile): each record starts with its time, and a stack trace belongs to its record.
     */
    private static List<String> logRecords(Instant from, Instant to) throws IOException {
        Path named = Path.of(System.getProperty("mcpee.test.server-log", "target/payara-outage-server.log"))
                .toAbsolutePath();
        List<Path> files;
        try (var listing = Files.list(named.getParent())) {
            files = listing.filter(f -> f.getFileName().toString().startsWith(named.getFileName().toString()))
                    .sorted(java.util.Comparator.comparing(f -> f.toFile().lastModified())).toList();
        }
        List<String> records = new ArrayList<>();
        for (Path file : files) {
            if (file.toFile().lastModified() < from.toEpochMilli()) {
                continue;
            }
            StringBuilder record = null;
            Instant at = null;
            for (String line : Files.readAllLines(file)) {
                java.util.regex.Matcher start = RECORD.matcher(line);
                if (start.lookingAt()) {
                    if (record != null && !at.isBefore(from) && at.isBefore(to)) {
                        records.add(record.toString());
                    }
                    record = new StringBuilder(line);
                    at = java.time.OffsetDateTime.parse(start.group(1),
                            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
                } else if (record != null) {
                    record.append('\n').append(line);
                }
            }
            if (record != null && !at.isBefore(from) && at.isBefore(to)) {
                records.add(record.toString());
            }
        }
        return records;
    }

    private static final java.util.regex.Pattern RECORD = java.util.regex.Pattern.compile("\\[(\\d{4}-\\d\\d-\\d\\dT[^\\]]+)\\]");

    /** What is wrong with a 503, or null: it must say when to retry and be JSON of the door's kind. */
    private static String refusalProblem(Outcome outcome) {
        if (outcome.retryAfter() == null || !outcome.retryAfter().matches("\\d+")) {
            return "503 without Retry-After";
        }
        if (!outcome.contentType().startsWith("application/json")) {
            return "503 as " + outcome.contentType();
        }
        JsonObject body;
        try {
            body = Json.createReader(new StringReader(outcome.body())).readObject();
        } catch (RuntimeException e) {
            return "503 with a body that is not JSON";
        }
        if (outcome.kind().equals("mcp")) {
            return body.getJsonObject("error") != null && body.containsKey("id") ? null
                    : "503 without a JSON-RPC error: " + body;
        }
        return body.containsKey("error") ? null : "503 without an error: " + body;
    }

    private static Outcome send(String kind, HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(kind, start, System.nanoTime() - start, response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            return new Outcome(kind, start, System.nanoTime() - start, 0, null, "", String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(kind, start, System.nanoTime() - start, 0, null, "", "interrupted");
        }
    }

    private static HttpRequest toolCall(McpHttp mcp, String session, String name, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(mcp.endpoint()).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"create_customer\",\"arguments\":{\"customer\":{\"name\":\"" + name
                        + "\",\"phone\":\"1\"}}}}"));
        McpHttp.sessionHeaders(session).forEach(request::header);
        return request.header("Authorization", "Bearer " + token).build();
    }

    /** The names of the customers the agent's owner has, read over REST page by page. */
    private static Set<String> customers(String root, String token) throws Exception {
        Set<String> names = new HashSet<>();
        for (int offset = 0; ; offset += 200) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(root + "api/customers?limit=200"
                    + "&offset=" + offset)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), page.body());
            var items = Json.createReader(new StringReader(page.body())).readObject().getJsonArray("items");
            items.forEach(item -> names.add(item.asJsonObject().getString("name")));
            if (items.size() < 200) {
                return names;
            }
        }
    }

    /** The customer names of every create_customer the audit log records as done. */
    private Set<String> auditedCreates() throws Exception {
        Set<String> names = new HashSet<>();
        String cursor = null;
        do {
            JsonObject page = Json.createReader(new StringReader(TestTokens.adminText(base,
                    "audit?tool=create_customer&outcome=SUCCESS&limit=500"
                            + (cursor == null ? "" : "&cursor=" + cursor)))).readObject();
            for (JsonValue item : page.getJsonArray("items")) {
                names.add(item.asJsonObject().getJsonObject("arguments").getJsonObject("customer")
                        .getString("name"));
            }
            cursor = page.isNull("next") ? null : page.getString("next");
        } while (cursor != null);
        return names;
    }
}
