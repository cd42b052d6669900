package io.mcpee.it;

import io.mcpee.it.streams.ReportResource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.mcpee.it.McpHttp.jsonHeaders;
import static io.mcpee.it.McpHttp.sessionHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Progress, log messages and cancellation through {@code McpExchange}, over raw HTTP: a tool call that asks for
 * progress or logs is answered as an event stream whose last event is its response, in a session (2025-11-25) and
 * statelessly (2026-07-28); {@code notifications/cancelled} and a closed stream reach the running method, and the
 * audit records the call as cancelled; over REST the same method runs and reports nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StreamsIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static String owner;
    private static String token;

    @ArquillianResource
    URL base;

    McpHttp http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar().addClass(ReportResource.class);
    }

    @BeforeEach
    void agent() {
        if (token == null) {
            owner = "streams-" + UUID.randomUUID().toString().substring(0, 8);
            token = TestTokens.create(base, owner, "customers:read");
        }
        http = new McpHttp(base, token);
    }

    @Test
    void aSessionsCallStreamsItsProgressAndLogsThenItsResponse() throws Exception {
        String session = http.initialize();
        HttpResponse<String> level = http.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\","
                + "\"params\":{\"level\":\"info\"}}", sessionHeaders(session));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}", level.body());
        HttpResponse<String> response = http.post(call("2", 3, 20, "{\"progressToken\":\"p-1\"}"),
                sessionHeaders(session));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<JsonObject> events = events(response.body());

        List<JsonObject> progress = withMethod(events, "notifications/progress");
        assertEquals(3, progress.size(), "one per step; a repeated value is dropped: " + progress);
        for (int step = 1; step <= 3; step++) {
            JsonObject params = progress.get(step - 1).getJsonObject("params");
            assertEquals("p-1", params.getString("progressToken"));
            assertEquals(step, params.getInt("progress"));
            assertEquals(3, params.getInt("total"));
        }
        List<JsonObject> logs = withMethod(events, "notifications/message");
        assertEquals(3, logs.size(), "info and above, not the debug line: " + logs);
        for (JsonObject log : logs) {
            assertEquals("info", log.getJsonObject("params").getString("level"));
            String data = log.getJsonObject("params").getString("data");
            assertTrue(data.contains("done with credential"), data);
            assertFalse(data.contains(ReportResource.LEAKED), "a credential never reaches the agent: " + data);
        }
        JsonObject last = events.get(events.size() - 1);
        assertEquals(2, last.getInt("id"), "the response is the last event");
        assertEquals("report of 3 steps", last.getJsonObject("result").getJsonArray("content").getJsonObject(0)
                .getString("text"));
        assertEquals("SUCCESS", audited("2").getString("outcome"));
    }

    @Test
    void aCallThatAsksForNothingIsPlainJson() throws Exception {
        String session = http.initialize();
        HttpResponse<String> response = http.post(call("3", 2, 1, null), sessionHeaders(session));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(response.body().contains("report of 2 steps"), response.body());
    }

    @Test
    void aStatelessCallStreamsWhatItsMetaAsksFor() throws Exception {
        String meta = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{},\"io.modelcontextprotocol/logLevel\":\"debug\","
                + "\"progressToken\":7}";
        HttpResponse<String> response = http.post(call("\"s-1\"", 2, 20, meta), jsonHeaders(
                "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "build_report"));
        assertEquals(200, response.statusCode(), response.body());
        List<JsonObject> events = events(response.body());
        assertEquals(2, withMethod(events, "notifications/progress").size());
        assertEquals(7, withMethod(events, "notifications/progress").get(0).getJsonObject("params")
                .getInt("progressToken"), "the token as sent, a number");
        assertEquals("debug", withMethod(events, "notifications/message").get(0).getJsonObject("params")
                .getString("level"), "this request asked for debug");
        JsonObject last = events.get(events.size() - 1);
        assertEquals("complete", last.getJsonObject("result").getString("resultType"));
    }

    @Test
    void notificationsCancelledStopsTheRunningCallAndTheAuditSaysSo() throws Exception {
        String session = http.initialize();
        try (BufferedReader events = http.openEventStream(call("4", 100, 100, "{\"progressToken\":\"c-1\"}"),
                sessionHeaders(session))) {
            assertTrue(McpHttp.nextEvent(events).contains("notifications/progress"), "the call is under way");
            HttpResponse<String> cancelled = http.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                    + "\"params\":{\"requestId\":4,\"reason\":\"the user changed their mind\"}}",
                    sessionHeaders(session));
            assertEquals(202, cancelled.statusCode());
            List<String> rest = new ArrayList<>();
            for (String event = McpHttp.nextEvent(events); event != null; event = McpHttp.nextEvent(events)) {
                rest.add(event);
            }
            assertTrue(rest.size() < 10, "stopped long before its 100 steps: " + rest.size() + " events");
        }
        JsonObject entry = audited("4");
        assertEquals("CANCELLED", entry.getString("outcome"));
        assertEquals(503, entry.getInt("status"), "the method gave up with ServiceUnavailableException");
    }

    @Test
    void closingAStatelessCallsStreamCancelsIt() throws Exception {
        String meta = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{},\"progressToken\":\"c-2\"}";
        BufferedReader events = http.openEventStream(call("\"s-2\"", 100, 100, meta), jsonHeaders(
                "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "build_report"));
        assertTrue(McpHttp.nextEvent(events).contains("notifications/progress"), "the call is under way");
        events.close();
        JsonObject entry = null;
        for (int i = 0; i < 100 && entry == null; i++) {
            TimeUnit.MILLISECONDS.sleep(100);
            entry = TestTokens.adminCall(base, "GET", "audit?limit=500&user=" + owner, null).getJsonArray("items")
                    .stream().map(e -> e.asJsonObject()).filter(e -> "s-2".equals(e.getString("requestId", null)))
                    .findFirst().orElse(null);
        }
        assertTrue(entry != null, "the call ended well before its 10 s once the stream was closed");
        assertEquals("CANCELLED", entry.getString("outcome"));
    }

    @Test
    void overRestTheSameMethodRunsAndReportsNothing() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base.toString()
                        .replaceAll("/$", "") + "/api/reports?steps=2&stepMillis=1"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("report of 2 steps", response.body());
    }

    private static String call(String id, int steps, int stepMillis, String meta) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"build_report\","
                + "\"arguments\":{\"steps\":" + steps + ",\"stepMillis\":" + stepMillis + "}"
                + (meta == null ? "" : ",\"_meta\":" + meta) + "}}";
    }

    private static List<JsonObject> events(String body) throws Exception {
        List<JsonObject> events = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new StringReader(body));
        for (String event = McpHttp.nextEvent(reader); event != null; event = McpHttp.nextEvent(reader)) {
            events.add(Json.createReader(new StringReader(event)).readObject());
        }
        return events;
    }

    private static List<JsonObject> withMethod(List<JsonObject> events, String method) {
        return events.stream().filter(e -> method.equals(e.getString("method", null))).toList();
    }

    private JsonObject audited(String requestId) {
        return TestTokens.auditEntry(base, owner, requestId);
    }
}
