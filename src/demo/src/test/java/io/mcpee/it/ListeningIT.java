package io.mcpee.it;

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
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static io.mcpee.it.McpHttp.jsonHeaders;
import static io.mcpee.it.McpHttp.sessionHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streams a client keeps open to hear from the server outside any call, over raw HTTP: a session's {@code GET}
 * (2025-11-25) and a 2026-07-28 {@code subscriptions/listen}. A change of an agent token's grants, made through the
 * admin API, reaches both as {@code notifications/tools/list_changed}, and ends the changed token's own streams; a
 * subscription is acknowledged first and tags every message with its id; ending the session ends its stream; what
 * cannot open a stream is refused in JSON.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ListeningIT {
    private static final String META = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    @ArquillianResource
    URL base;

    McpHttp http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @BeforeEach
    void agent() {
        http = new McpHttp(base, Agent.readerOn(base).secret);
    }

    @Test
    void aSessionsGetStreamHearsOfGrantChangesUntilTheSessionEnds() throws Exception {
        sessionStreamHearsOfGrantChanges(base);
    }

    @Test
    void aSubscriptionIsAcknowledgedThenHearsOfGrantChangesTaggedWithItsId() throws Exception {
        subscriptionHearsOfGrantChanges(base);
    }

    /** An agent token holding customers:read, whose grants a test changes. */
    private record Agent(long tokenId, String secret) {
        static Agent readerOn(URL base) {
            String owner = "listening-" + UUID.randomUUID().toString().substring(0, 8);
            JsonObject issued = TestTokens.adminCall(base, "POST", "tokens", Json.createObjectBuilder()
                    .add("name", "it " + owner).add("owner", owner)
                    .add("permissions", Json.createArrayBuilder().add("customers:read")).build().toString());
            return new Agent(issued.getJsonObject("token").getJsonNumber("id").longValue(),
                    issued.getString("secret"));
        }

        void grantWrite(URL base) {
            TestTokens.adminCall(base, "PATCH", "tokens/" + tokenId, Json.createObjectBuilder().add("permissions",
                    Json.createArrayBuilder().add("customers:read").add("customers:write")).build().toString());
        }
    }

    /**
     * A session's GET stream hears of another token's grant change and stays open, then ends with its session (also
     * run on WildFly).
     */
    static void sessionStreamHearsOfGrantChanges(URL base) throws Exception {
        Agent agent = Agent.readerOn(base);
        McpHttp http = new McpHttp(base, agent.secret());
        String session = http.initialize();
        try (BufferedReader events = http.openEventStream(null, sessionHeaders(session))) {
            Agent.readerOn(base).grantWrite(base);
            JsonObject changed = json(McpHttp.nextEvent(events));
            assertEquals("notifications/tools/list_changed", changed.getString("method"), changed.toString());
            assertEquals(204, http.send("DELETE", sessionHeaders(session)).statusCode());
            assertNull(McpHttp.nextEvent(events), "the stream ended with its session");
        }
    }

    /**
     * A subscription is acknowledged with what this server sends, then hears of its own token's grant change, tagged
     * with its id, and ends with its closing result: it was opened with the token as it was (also run on WildFly).
     */
    static void subscriptionHearsOfGrantChanges(URL base) throws Exception {
        Agent agent = Agent.readerOn(base);
        McpHttp http = new McpHttp(base, agent.secret());
        try (BufferedReader events = http.openEventStream(listen("\"sub-1\"", "{\"toolsListChanged\":true,"
                + "\"promptsListChanged\":true}"), listenHeaders())) {
            JsonObject ack = json(McpHttp.nextEvent(events));
            assertEquals("notifications/subscriptions/acknowledged", ack.getString("method"));
            assertEquals("sub-1", subscriptionId(ack));
            assertEquals(Json.createObjectBuilder().add("toolsListChanged", true).build(),
                    ack.getJsonObject("params").getJsonObject("notifications"), "only what this server sends");
            agent.grantWrite(base);
            JsonObject changed = json(McpHttp.nextEvent(events));
            assertEquals("notifications/tools/list_changed", changed.getString("method"), changed.toString());
            assertEquals("sub-1", subscriptionId(changed));
            JsonObject closing = json(McpHttp.nextEvent(events));
            assertEquals("sub-1", closing.getString("id"), closing.toString());
            assertEquals("complete", closing.getJsonObject("result").getString("resultType"));
            assertNull(McpHttp.nextEvent(events), "the token changed: its stream ended, to be opened again");
        }
    }

    @Test
    void whatCannotOpenAStreamIsRefusedInJson() throws Exception {
        HttpResponse<String> noSession = http.send("GET", Map.of("Accept", "text/event-stream"));
        assertEquals(405, noSession.statusCode(), noSession.body());
        assertEquals("GET, POST, DELETE, OPTIONS", noSession.headers().firstValue("Allow").orElse(""));
        assertTrue(noSession.body().contains("subscriptions/listen"), noSession.body());

        String session = http.initialize();
        HttpResponse<String> notSse = http.send("GET", Map.of("Accept", "application/json", "Mcp-Session-Id",
                session));
        assertEquals(406, notSse.statusCode(), notSse.body());
        HttpResponse<String> unknown = http.send("GET", Map.of("Accept", "text/event-stream", "Mcp-Session-Id",
                "no-such-session"));
        assertEquals(404, unknown.statusCode(), unknown.body());

        // the header names subscriptions/listen, the body another method: the 2026-07-28 mismatch error
        HttpResponse<String> mismatch = http.post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\","
                + "\"params\":{\"_meta\":" + META + "}}", listenHeaders());
        assertEquals(400, mismatch.statusCode(), mismatch.body());
        assertEquals(-32020, json(mismatch.body()).getJsonObject("error").getInt("code"));
        assertEquals(5, json(mismatch.body()).getInt("id"));
        HttpResponse<String> badFilter = http.post(listen("6", "[\"tools\"]"), listenHeaders());
        assertEquals(400, badFilter.statusCode(), badFilter.body());
        assertEquals(-32602, json(badFilter.body()).getJsonObject("error").getInt("code"));

        // the internal method the listen request is routed by is not one a client may send
        HttpResponse<String> internal = http.send("MCP-LISTEN", listenHeaders());
        assertEquals(405, internal.statusCode(), internal.body());
    }

    private static String listen(String id, String notifications) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"subscriptions/listen\",\"params\":{\"_meta\":"
                + META + ",\"notifications\":" + notifications + "}}";
    }

    private static Map<String, String> listenHeaders() {
        return jsonHeaders("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "subscriptions/listen");
    }

    private static String subscriptionId(JsonObject notification) {
        return notification.getJsonObject("params").getJsonObject("_meta")
                .getString("io.modelcontextprotocol/subscriptionId");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
