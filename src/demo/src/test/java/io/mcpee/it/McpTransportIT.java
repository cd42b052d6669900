package io.mcpee.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static io.mcpee.it.McpHttp.jsonHeaders;
import static io.mcpee.it.McpHttp.sessionHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a request can be wrong, over raw HTTP: the status, the JSON-RPC error, and no stack trace. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class McpTransportIT {
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";

    @ArquillianResource
    URL base;

    McpHttp http;
    String session;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    private static String token;

    @BeforeEach
    void initialize() throws Exception {
        if (token == null) {
            token = TestTokens.create(base, "bob", "customers:read");
        }
        http = new McpHttp(base, token);
        session = http.initialize();
    }

    @Test
    void sessionIdsAreRandomVisibleAscii() throws Exception {
        String other = http.initialize();
        assertNotEquals(session, other);
        assertTrue(session.matches("[\\x21-\\x7e]{32,}"), session);
    }

    @Test
    void pingAnswersWithAnEmptyResult() throws Exception {
        HttpResponse<String> response = http.post(PING, sessionHeaders(session));
        assertEquals(200, response.statusCode());
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}", response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("")
                .replaceAll(";.*", ""));
    }

    @Test
    void notificationsAndResponsesAreAcceptedWithoutBody() throws Exception {
        HttpResponse<String> notification = http.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                sessionHeaders(session));
        assertEquals(202, notification.statusCode());
        assertEquals("", notification.body());
        HttpResponse<String> response = http.post("{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"result\":{}}",
                sessionHeaders(session));
        assertEquals(202, response.statusCode());
    }

    @Test
    void malformedJsonIsAParseError() throws Exception {
        HttpResponse<String> response = http.post("{\"jsonrpc\":", sessionHeaders(session));
        assertEquals(400, response.statusCode());
        assertError(response, "null", -32700);
        // past the parser's limits, or with more after the value: the same, never a 500
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        for (String body : List.of("[".repeat(10_000) + "]".repeat(10_000),
                "{\"jsonrpc\":\"2.0\",\"id\":1" + "0".repeat(5000) + ",\"method\":\"ping\"}", ping + " xx")) {
            HttpResponse<String> refused = http.post(body, sessionHeaders(session));
            assertEquals(400, refused.statusCode(), refused::body);
            assertError(refused, "null", -32700);
        }
    }

    @Test
    void invalidRequestsAreRejected() throws Exception {
        HttpResponse<String> noVersion = http.post("{\"id\":1,\"method\":\"ping\"}", sessionHeaders(session));
        assertEquals(400, noVersion.statusCode());
        assertError(noVersion, "1", -32600);
        HttpResponse<String> notObject = http.post("42", sessionHeaders(session));
        assertEquals(400, notObject.statusCode());
        assertError(notObject, "null", -32600);
        HttpResponse<String> badParams = http.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\",\"params\":[]}",
                sessionHeaders(session));
        assertError(badParams, "2", -32600);
    }

    @Test
    void batchesAreRefusedAfter2025_03_26() throws Exception {
        HttpResponse<String> response = http.post("[" + PING + "]", sessionHeaders(session));
        assertEquals(400, response.statusCode());
        assertError(response, "null", -32600);
    }

    @Test
    void batchesWorkIn2025_03_26() throws Exception {
        String batch = "[" + PING + ",{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"nope\"},{\"bad\":true}]";
        HttpResponse<String> response = http.post(batch, sessionHeaders(session, "MCP-Protocol-Version",
                "2025-03-26"));
        assertEquals(200, response.statusCode());
        assertEquals("[{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}},"
                + "{\"jsonrpc\":\"2.0\",\"id\":8,\"error\":{\"code\":-32601,\"message\":\"Method not found: nope\"}},"
                + "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":"
                + "\"Invalid request: \\\"jsonrpc\\\" must be \\\"2.0\\\"\"}}]", response.body());
    }

    @Test
    void unknownMethodIsMethodNotFound() throws Exception {
        HttpResponse<String> response = http.post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/list\"}",
                sessionHeaders(session));
        assertEquals(200, response.statusCode());
        assertError(response, "3", -32601);
    }

    @Test
    void sessionIsRequiredAndMustExist() throws Exception {
        HttpResponse<String> missing = http.post(PING, jsonHeaders("MCP-Protocol-Version", "2025-11-25"));
        assertEquals(400, missing.statusCode());
        HttpResponse<String> unknown = http.post(PING, sessionHeaders("no-such-session"));
        assertEquals(404, unknown.statusCode());
    }

    @Test
    void deleteEndsTheSession() throws Exception {
        HttpResponse<String> deleted = http.send("DELETE", Map.of("Mcp-Session-Id", session));
        assertEquals(204, deleted.statusCode());
        assertEquals(404, http.post(PING, sessionHeaders(session)).statusCode());
        assertEquals(404, http.send("DELETE", Map.of("Mcp-Session-Id", session)).statusCode());
    }

    @Test
    void unsupportedProtocolVersionIsABadRequest() throws Exception {
        HttpResponse<String> response = http.post(PING, sessionHeaders(session, "MCP-Protocol-Version",
                "1999-01-01"));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("2025-11-25"), response.body());
        HttpResponse<String> absent = http.post(PING, jsonHeaders("Mcp-Session-Id", session));
        assertEquals(200, absent.statusCode(), "no header means 2025-03-26, which is supported");
    }

    @Test
    void initializeNegotiatesVersions() throws Exception {
        HttpResponse<String> old = http.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-03-26\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\","
                + "\"version\":\"1\"}}}", jsonHeaders());
        assertTrue(old.body().contains("\"protocolVersion\":\"2025-03-26\""), old.body());
        HttpResponse<String> future = http.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2099-01-01\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\","
                + "\"version\":\"1\"}}}", jsonHeaders());
        assertTrue(future.body().contains("\"protocolVersion\":\"2025-11-25\""), future.body());
        HttpResponse<String> noVersion = http.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                + "\"params\":{}}", jsonHeaders());
        assertError(noVersion, "1", -32602);
    }

    @Test
    void foreignOriginsAreForbidden() throws Exception {
        HttpResponse<String> evil = http.post(PING, sessionHeaders(session, "Origin", "https://evil.example"));
        assertEquals(403, evil.statusCode());
        HttpResponse<String> local = http.post(PING, sessionHeaders(session, "Origin", "http://localhost:3000"));
        assertEquals(200, local.statusCode());
    }

    @Test
    void mediaTypesAreNegotiated() throws Exception {
        Map<String, String> xml = sessionHeaders(session);
        xml.put("Content-Type", "text/plain");
        assertEquals(415, http.post(PING, xml).statusCode());
        Map<String, String> html = sessionHeaders(session);
        html.put("Accept", "text/html");
        assertEquals(406, http.post(PING, html).statusCode());
    }

    @Test
    void oversizedBodiesAreRefused() throws Exception {
        String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\""
                + "x".repeat(2 * 1024 * 1024) + "\"}}";
        HttpResponse<String> response = http.postExpectingContinue(huge, sessionHeaders(session));
        assertEquals(413, response.statusCode());
        assertError(response, "null", -32600);
    }

    @Test
    void unknownToolIsInvalidParams() throws Exception {
        HttpResponse<String> response = http.post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"launch_missiles\",\"arguments\":{}}}", sessionHeaders(session));
        assertEquals(200, response.statusCode());
        assertError(response, "4", -32602);
        HttpResponse<String> noName = http.post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\","
                + "\"params\":{}}", sessionHeaders(session));
        assertError(noName, "5", -32602);
        HttpResponse<String> badArguments = http.post("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"list_customers\",\"arguments\":[1]}}", sessionHeaders(session));
        assertError(badArguments, "6", -32602);
    }

    @Test
    void invalidCursorIsInvalidParams() throws Exception {
        HttpResponse<String> response = http.post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\","
                + "\"params\":{\"cursor\":\"not-a-cursor\"}}", sessionHeaders(session));
        assertError(response, "9", -32602);
    }

    @Test
    void aResourceNotFoundIsAToolErrorNotAProtocolError() throws Exception {
        HttpResponse<String> response = http.post("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"retrieve_customer\",\"arguments\":{\"id\":987654}}}",
                sessionHeaders(session));
        assertEquals(200, response.statusCode());
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":10,\"result\":{\"content\":[{\"type\":\"text\",\"text\":"
                + "\"HTTP 404 Not Found: Customer 987654 not found\"}],\"isError\":true}}", response.body());
    }

    private static void assertError(HttpResponse<String> response, String id, int code) {
        String body = response.body();
        assertTrue(body.startsWith("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":" + code + ","), body);
        assertFalse(body.contains("Exception") || body.contains("\tat "), "no stack trace: " + body);
    }
}
