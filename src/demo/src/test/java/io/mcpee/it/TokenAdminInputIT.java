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
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a fuzz campaign sent the token administration API: malformed and mistyped bodies, dates it cannot store,
 * text longer than its columns, blank and control-character text, and the refusals the API makes on purpose. Each
 * is a 4xx with the API's JSON {@code {"error": ...}} naming the problem (no Java class names, nothing planted
 * echoed), changes no token or group, and leaves no stack trace in the server log ({@code mcpee.test.server-log},
 * written by the payara-h2 execution).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenAdminInputIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Path SERVER_LOG = Path.of(System.getProperty("mcpee.test.server-log",
            "target/payara-h2-server.log"));
    /** A stack frame or a chained cause, as java.util.logging prints them. */
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s*(at [\\w$.]+\\(|Caused by: )");
    /** The column sizes of mcp-ee's token tables, seen from outside (TokenInputTest ties TokenInput to them). */
    private static final int NAME = 200;
    private static final int OWNER = 200;
    private static final int PERMISSION = 200;
    private static final int GROUP_NAME = 100;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @Test
    void unreadableBodiesAre400s() throws Exception {
        Map<Object, Long> mark = logMark();
        String planted = "mcp_" + "0123456789abcdef" + "_" + "9".repeat(64);
        for (String body : List.of("{", "[]", "\"x\"", "{\"name\":\"x\",}", "{\"name\":\"x\"} trailing",
                "{\"name\":\"x\",\"expiresAt\":\"garbage\"}",
                "{\"name\":\"x\",\"expiresAt\":\"2030-01-01\"}",
                "{\"name\":\"x\",\"expiresAt\":12345}",
                "{\"name\":\"x\",\"expiresAt\":\"+1000000000-12-31T23:59:59Z\"}",
                "{\"name\":\"x\",\"expiresAt\":\"10000-01-01T00:00:00Z\"}",
                "{\"name\":\"x\",\"expiresAt\":\"+10000-01-01T00:00:00Z\"}",
                "{\"name\":\"x\",\"expiresAt\":\"" + planted + "\"}",
                "{\"name\":\"x\",\"permissions\":\"x\"}",
                "{\"name\":\"x\",\"permissions\":{\"a\":1}}",
                "{\"name\":\"x\",\"permissions\":[null]}",
                "{\"name\":\"x\",\"permissions\":[1]}",
                "{\"name\":\"x\",\"groups\":\"g\"}",
                "{\"name\":\"x\",\"groups\":[null]}",
                "{\"name\":7}",
                "{\"name\":\"x\",\"owner\":[\"a\"]}",
                "{\"name\":\"x\",\"active\":\"no\"}",
                "{\"name\":\"x\",\"neverExpires\":1}",
                "{\"name\":\"x\",\"rateLimit\":100}",
                "{\"name\":\"x\",\"permissions\":" + "[".repeat(5000) + "]".repeat(5000) + "}")) {
            String error = refused("POST", "tokens", body, 400);
            assertFalse(error.contains(planted), error);
        }
        long id = created(TestTokens.adminCall(base, "POST", "tokens",
                "{\"name\":\"patched\",\"owner\":\"ines\",\"permissions\":[\"customers:read\"]}"));
        for (String body : List.of("{", "[]", "{\"expiresAt\":\"garbage\"}", "{\"expiresAt\":\"2030-01-01\"}",
                "{\"permissions\":[null]}", "{\"active\":\"false\"}", "{\"expiresAt\":\"2020-01-01T00:00:00Z\"}")) {
            refused("PATCH", "tokens/" + id, body, 400);
        }
        for (String body : List.of("{", "[]", "{\"name\":[]}", "{\"name\":\"g\",\"permissions\":\"x\"}",
                "{\"name\":\"g\",\"permissions\":[null]}")) {
            refused("POST", "token-groups", body, 400);
        }
        assertNoStackTraceSince(mark);
    }

    @Test
    void textBeyondItsColumnIs400() throws Exception {
        Map<Object, Long> mark = logMark();
        String tooLong = "o".repeat(OWNER + 100);
        for (String body : List.of(
                token("x".repeat(NAME + 1), null, null),
                token("x", tooLong, null),
                token("x", null, "p".repeat(PERMISSION + 100)),
                token("x", null, "p".repeat(PERMISSION + 1)),
                // H2 counts a character outside the BMP as two, as Java does: 101 of them are too many
                token("\uD83D\uDE00".repeat(NAME / 2 + 1), null, null),
                "{\"name\":\"x\",\"groups\":[\"" + "g".repeat(GROUP_NAME + 1) + "\"]}")) {
            String error = refused("POST", "tokens", body, 400);
            assertFalse(error.contains(tooLong), "the value is not echoed: " + error);
        }
        for (int length : new int[]{GROUP_NAME + 1, 150, 200, 201}) {
            refused("POST", "token-groups", group("g".repeat(length), "articles:read"), 400);
        }
        refused("POST", "token-groups", group("long-permission", "p".repeat(PERMISSION + 1)), 400);
        assertNoStackTraceSince(mark);
    }

    @Test
    void textAtItsColumnSizeIsAccepted() {
        String owner = "w".repeat(OWNER - 8) + UUID.randomUUID().toString().substring(0, 8);
        JsonObject view = TestTokens.adminCall(base, "POST", "tokens", token("\uD83D\uDE00".repeat(NAME / 2),
                owner, "p".repeat(PERMISSION))).getJsonObject("token");
        assertEquals(NAME, view.getString("name").length(), "100 surrogate pairs fill the column");
        assertEquals(owner, view.getString("owner"));
        assertEquals(List.of("p".repeat(PERMISSION)), strings(view.getJsonArray("permissions")));

        String name = UUID.randomUUID().toString().replace("-", "");
        name = name + "g".repeat(GROUP_NAME - name.length());
        JsonObject group = TestTokens.adminCall(base, "POST", "token-groups", group(name, "q".repeat(PERMISSION)));
        assertEquals(name, group.getString("name"));
        JsonObject grouped = TestTokens.adminCall(base, "POST", "tokens", "{\"name\":\"grouped\",\"groups\":[\""
                + name + "\"]}").getJsonObject("token");
        assertEquals(List.of(name), strings(grouped.getJsonArray("groups")));
    }

    @Test
    void blankAndControlCharacterTextIs400() throws Exception {
        Map<Object, Long> mark = logMark();
        for (String body : List.of(
                "{\"name\":\"x\",\"owner\":\"\\u0000\"}",
                "{\"name\":\"x\",\"owner\":\"ab\\u001bc\"}",
                "{\"name\":\"x\",\"owner\":\"\"}",
                "{\"name\":\"x\",\"owner\":\"   \"}",
                "{\"name\":\"a\\nb\"}",
                "{\"name\":\"a\\u0085b\"}",
                "{\"name\":\"\\uD800\"}",
                "{\"name\":\"\"}",
                "{\"name\":\" \\t \"}",
                "{\"name\":\"x\",\"permissions\":[\"\"]}",
                "{\"name\":\"x\",\"permissions\":[\"  \"]}",
                "{\"name\":\"x\",\"permissions\":[\"customers:read\\u0000\"]}",
                "{\"name\":\"x\",\"groups\":[\"\"]}",
                "{\"name\":\"x\",\"groups\":[\"g\\u007f\"]}")) {
            refused("POST", "tokens", body, 400);
        }
        for (String body : List.of(group("", "articles:read"), group(" ", "articles:read"),
                group("a\\u0000b", "articles:read"), group("ok-name", ""), group("ok-name", "articles:\\u0007read"))) {
            refused("POST", "token-groups", body, 400);
        }
        long id = created(TestTokens.adminCall(base, "POST", "tokens", "{\"name\":\"renamed\",\"owner\":\"ines\"}"));
        for (String body : List.of("{\"name\":\"\"}", "{\"name\":\"a\\u0000\"}", "{\"permissions\":[\"\"]}")) {
            refused("PATCH", "tokens/" + id, body, 400);
        }
        assertNoStackTraceSince(mark);
    }

    /** Refusals the API makes on purpose: its own status and message, and nothing in the log. */
    @Test
    void deliberateRefusalsLeaveNoStackTrace() throws Exception {
        Map<Object, Long> mark = logMark();
        refused("POST", "tokens", "{\"name\":\"\"}", 400);
        assertTrue(refused("POST", "tokens", "{\"name\":\"x\",\"rateLimit\":\"abc\"}", 400).startsWith("rateLimit"));
        assertTrue(refused("POST", "tokens", "{\"name\":\"x\",\"groups\":[\"no-such-group\"]}", 400)
                .contains("no-such-group"));
        refused("POST", "tokens", "{\"name\":\"x\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}", 400);

        String reader = TestTokens.create(base, "nora", "mcp-tokens", "customers:read");
        refused(reader, "POST", "tokens", "{\"name\":\"more\",\"permissions\":[\"mcp-admin\"]}", 403);
        refused(reader, "POST", "tokens", "{\"name\":\"theirs\",\"owner\":\"otto\"}", 403);
        refused(reader, "POST", "token-groups", group("not-mine", "customers:read"), 403);

        String name = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        TestTokens.adminCall(base, "POST", "token-groups", group(name, "articles:read"));
        refused("POST", "token-groups", group(name, "customers:read"), 409);

        // a refused change changes nothing, not even the parts of it that were fine
        long id = created(TestTokens.adminCall(base, "POST", "tokens", "{\"name\":\"kept\",\"owner\":\"ines\"}"));
        refused("PATCH", "tokens/" + id, "{\"name\":\"changed\",\"active\":false,\"rateLimit\":\"abc\"}", 400);
        refused("PATCH", "tokens/" + id, "{\"name\":\"changed\",\"groups\":[\"no-such-group\"]}", 400);
        assertEquals("a token's owner cannot be changed; create a token for the new owner",
                refused("PATCH", "tokens/" + id, "{\"name\":\"changed\",\"owner\":\"somebody-else\"}", 400));
        JsonObject kept = TestTokens.adminCall(base, "GET", "tokens/" + id, null);
        assertEquals("kept", kept.getString("name"));
        assertTrue(kept.getBoolean("active"));
        assertNoStackTraceSince(mark);
    }

    @Test
    void activeFalseOnCreateMakesAnInactiveToken() throws Exception {
        JsonObject created = TestTokens.adminCall(base, "POST", "tokens",
                "{\"name\":\"dormant\",\"owner\":\"ines\",\"active\":false,\"permissions\":[\"customers:read\"]}");
        JsonObject view = created.getJsonObject("token");
        assertFalse(view.getBoolean("active"));
        assertEquals("inactive", view.getString("status"));
        assertEquals(401, initialize(created.getString("secret")), "an inactive token does not authenticate");

        JsonObject active = TestTokens.adminCall(base, "POST", "tokens",
                "{\"name\":\"awake\",\"owner\":\"ines\",\"active\":true,\"permissions\":[\"customers:read\"]}");
        assertTrue(active.getJsonObject("token").getBoolean("active"));
        assertEquals(200, initialize(active.getString("secret")));
        JsonObject byDefault = TestTokens.adminCall(base, "POST", "tokens", "{\"name\":\"plain\",\"owner\":\"ines\"}");
        assertTrue(byDefault.getJsonObject("token").getBoolean("active"), "active unless told otherwise");
    }

    /** What JAX-RS refuses itself, and tokens that are not there, get the API's JSON error too. */
    @Test
    void notFoundAndUnconvertibleParametersAreJsonErrors() throws Exception {
        assertEquals("token 0 not found", refused("GET", "tokens/0", "", 404));
        assertEquals("Not Found", refused("GET", "tokens/abc", "", 404));
        assertEquals("token group 999999 not found", refused("DELETE", "token-groups/999999", "", 404));
        for (String days : List.of("abc", "99999999999", "-1", "36501")) {
            assertEquals("days must be a whole number between 0 and 36500",
                    refused("GET", "tokens/unused?days=" + days, "", 400));
        }
    }

    /** A body over the API's limit is refused before it is held whole; no input makes a 500. */
    @Test
    void anOversizedBodyIs413() throws Exception {
        String huge = "{\"name\":\"x\",\"permissions\":[\"" + "a".repeat(70_000) + "\"]}";
        assertEquals("the body must be at most 65536 bytes", refused("POST", "tokens", huge, 413));
        assertEquals("the body must be at most 65536 bytes", refused("POST", "token-groups", huge, 413));
    }

    /** Admins creating the same group at once: one is created, every other gets the 409, none a 500. */
    @Test
    void concurrentGroupsOfOneNameMakeOneGroup() throws Exception {
        String name = "racers-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"name\":\"" + name + "\",\"permissions\":[\"articles:read\"]}";
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return HTTP.send(HttpRequest.newBuilder(URI.create(base + "mcp-ee/api/token-groups"))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TestTokens.ADMIN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode();
                }));
            }
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, answers.stream().filter(s -> s == 201).count(), answers.toString());
            assertEquals(callers - 1, answers.stream().filter(s -> s == 409).count(), answers.toString());
        } finally {
            pool.shutdownNow();
        }
        long made = Json.createReader(new StringReader(TestTokens.adminText(base, "token-groups"))).readArray()
                .stream().filter(g -> g.asJsonObject().getString("name").equals(name)).count();
        assertEquals(1, made);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Sends a bad request as the admin; see the other overload. */
    private String refused(String method, String path, String body, int status) throws Exception {
        return refused(TestTokens.ADMIN, method, path, body, status);
    }

    /**
     * Sends a request that must be refused with {@code status} and the API's JSON error, and checks that no token
     * or group changed; returns the error message.
     */
    private String refused(String token, String method, String path, String body, int status) throws Exception {
        String tokensBefore = tokens();
        String groupsBefore = TestTokens.adminText(base, "token-groups");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "mcp-ee/api/" + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String what = method + " " + path + " " + abbreviated(body) + " -> " + response.statusCode() + " "
                + abbreviated(response.body());
        assertEquals(status, response.statusCode(), what);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what);
        JsonObject error;
        try {
            error = Json.createReader(new StringReader(response.body())).readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("not a JSON object: " + what, e);
        }
        assertEquals(1, error.size(), what);
        String message = error.getString("error", "");
        assertFalse(message.isBlank(), what);
        for (String leak : List.of("Exception", "java.", "jakarta.", "org.", "eclipse", "yasson", "SQL")) {
            assertFalse(message.contains(leak), "the message names an implementation: " + what);
        }
        assertEquals(tokensBefore, tokens(), "no token changed: " + what);
        assertEquals(groupsBefore, TestTokens.adminText(base, "token-groups"), "no group changed: " + what);
        return message;
    }

    /**
     * Every token as the list shows it, less what time changes (last use, status), its instants to the second: a
     * token's view shows nanoseconds until the entity is read back from the database, which keeps microseconds.
     */
    private String tokens() {
        StringBuilder out = new StringBuilder();
        for (JsonValue value : Json.createReader(new StringReader(TestTokens.adminText(base, "tokens"))).readArray()) {
            var view = Json.createObjectBuilder(value.asJsonObject()).remove("lastUsedAt").remove("status");
            for (String instant : List.of("createdAt", "expiresAt")) {
                if (value.asJsonObject().containsKey(instant)) {
                    view.add(instant, Instant.parse(value.asJsonObject().getString(instant))
                            .truncatedTo(ChronoUnit.SECONDS).toString());
                }
            }
            out.append(view.build()).append('\n');
        }
        return out.toString();
    }

    private static String token(String name, String owner, String permission) {
        var body = Json.createObjectBuilder().add("name", name);
        if (owner != null) {
            body.add("owner", owner);
        }
        if (permission != null) {
            body.add("permissions", Json.createArrayBuilder().add(permission));
        }
        return body.build().toString();
    }

    /** A group body; the arguments go in as they are, so they may hold JSON escapes. */
    private static String group(String name, String permission) {
        return "{\"name\":\"" + name + "\",\"permissions\":[\"" + permission + "\"]}";
    }

    private static long created(JsonObject withSecret) {
        return withSecret.getJsonObject("token").getJsonNumber("id").longValue();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString::getString);
    }

    private static String abbreviated(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    private int initialize(String token) throws Exception {
        return new McpHttp(base, token).post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\","
                + "\"version\":\"1\"}}}", McpHttp.jsonHeaders()).statusCode();
    }

    // ---- the server log -----------------------------------------------------------------------------------------

    /** How long each server log file is now (Payara Micro's --logtofile numbers them: server.log.0, ...). */
    /**
     * How long each log file is now, by the file itself (its file key): Payara Micro rotates its log by renaming
     * each numbered file to the next number, so a name may hold another file's text later.
     */
    private static Map<Object, Long> logMark() throws IOException {
        Map<Object, Long> sizes = new HashMap<>();
        for (Path file : logFiles()) {
            sizes.put(fileKey(file), Files.size(file));
        }
        return sizes;
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    /**
     * Asserts that what the server logged since {@code mark} holds no stack trace. The log is written off the
     * request thread, so an audited tool call with a unique name is made first and waited for: once its line is
     * there, so is everything the requests before it logged.
     */
    private void assertNoStackTraceSince(Map<Object, Long> mark) throws Exception {
        String marker = "input_it_marker_" + UUID.randomUUID().toString().replace("-", "");
        McpHttp http = new McpHttp(base, TestTokens.ADMIN);
        String session = http.initialize();
        http.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", McpHttp.sessionHeaders(session));
        http.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"" + marker
                + "\",\"arguments\":{}}}", McpHttp.sessionHeaders(session));
        String logged = "";
        Instant deadline = Instant.now().plusSeconds(20);
        while (!logged.contains(marker)) {
            if (Instant.now().isAfter(deadline)) {
                fail("the server log " + SERVER_LOG + "* never showed " + marker);
            }
            Thread.sleep(200);
            logged = loggedSince(mark);
        }
        var trace = STACK_TRACE.matcher(logged);
        if (trace.find()) {
            int from = Math.max(0, logged.lastIndexOf('\n', Math.max(0, trace.start() - 1500)));
            fail("the server logged a stack trace for a client error:\n"
                    + logged.substring(from, Math.min(logged.length(), trace.end() + 500)));
        }
        for (String noise : List.of("EJBException", "ProcessingException", "NullPointerException",
                "Value too long")) {
            int at = logged.indexOf(noise);
            if (at >= 0) {
                fail("the server log has " + noise + ": " + logged.substring(at, Math.min(logged.length(), at + 300)));
            }
        }
    }

    private static String loggedSince(Map<Object, Long> mark) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path file : logFiles()) {
            byte[] bytes = Files.readAllBytes(file);
            // a file that was not there at the mark is new; one that was has new text past its old length
            long from = mark.getOrDefault(fileKey(file), 0L);
            int start = from > bytes.length ? 0 : (int) from;
            text.append(new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1));
        }
        return text.toString();
    }

    private static List<Path> logFiles() throws IOException {
        Path directory = SERVER_LOG.toAbsolutePath().getParent();
        String prefix = SERVER_LOG.getFileName().toString();
        List<Path> files = new java.util.ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(directory,
                    file -> file.getFileName().toString().startsWith(prefix))) {
                found.forEach(files::add);
            }
        }
        return files;
    }
}
