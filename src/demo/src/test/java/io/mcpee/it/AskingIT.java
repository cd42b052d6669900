package io.mcpee.it;

import io.mcpee.it.streams.ApprovalResource;
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
import java.util.UUID;

import static io.mcpee.it.McpHttp.jsonHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asking the client ({@code McpExchange.ask}) in protocol 2026-07-28, over raw HTTP: {@code input_required} with the
 * question and a sealed {@code requestState}, the call again with the answer, a changed or borrowed state refused,
 * a client without the capability told which (-32021), each round audited; in a session (2025-11-25) the question
 * goes out on the call's event stream and the method waits for the client's response; on REST the method cannot
 * ask and says so.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AskingIT {
    private static String owner;
    private static String token;
    private static String otherToken;

    @ArquillianResource
    URL base;

    McpHttp http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar().addClass(ApprovalResource.class);
    }

    @BeforeEach
    void agents() {
        if (token == null) {
            owner = "asking-" + UUID.randomUUID().toString().substring(0, 8);
            token = TestTokens.create(base, owner, "customers:read");
            otherToken = TestTokens.create(base, owner + "-other", "customers:read");
        }
        http = new McpHttp(base, token);
    }

    @Test
    void theMethodAsksThenRunsAgainWithTheAnswer() throws Exception {
        JsonObject first = result(call(http, "\"a-1\"", 500, "{\"elicitation\":{}}", null));
        assertEquals("input_required", first.getString("resultType"));
        JsonObject question = first.getJsonObject("inputRequests").getJsonObject("approval");
        assertEquals("elicitation/create", question.getString("method"));
        assertEquals("Pay 500?", question.getJsonObject("params").getString("message"));
        assertEquals("form", question.getJsonObject("params").getString("mode"));
        String state = first.getString("requestState");
        assertEquals("INPUT_REQUIRED", audited("a-1").getString("outcome"));

        JsonObject second = result(call(http, "\"a-2\"", 500, "{\"elicitation\":{}}",
                ",\"inputResponses\":{\"approval\":{\"action\":\"accept\",\"content\":{\"approved\":true,"
                        + "\"password\":\"hunter2-secret\"}}},\"requestState\":\"" + state + "\""));
        assertEquals("complete", second.getString("resultType"));
        assertEquals("paid 500", second.getJsonArray("content").getJsonObject(0).getString("text"));
        JsonObject entry = audited("a-2");
        assertEquals("SUCCESS", entry.getString("outcome"));
        // the entry shows what the person approved, with secrets masked as in any arguments
        JsonObject answered = entry.getJsonObject("arguments").getJsonObject("$inputResponses")
                .getJsonObject("approval").getJsonObject("content");
        assertTrue(answered.getBoolean("approved"), entry.toString());
        assertEquals("***", answered.getString("password"), entry.toString());
        assertEquals(500, entry.getJsonObject("arguments").getInt("amount"));

        JsonObject declined = result(call(http, "\"a-3\"", 500, "{\"elicitation\":{}}",
                ",\"inputResponses\":{\"approval\":{\"action\":\"decline\"}}"));
        assertTrue(declined.getBoolean("isError"), "the method decides what a refusal means: " + declined);
        assertEquals(200, call(http, "\"a-4\"", 50, "{}", null).statusCode(), "below the limit nothing is asked");
    }

    @Test
    void aChangedOrBorrowedStateIsRefused() throws Exception {
        String state = result(call(http, "\"t-1\"", 500, "{\"elicitation\":{}}", null)).getString("requestState");
        String answer = ",\"inputResponses\":{\"approval\":{\"action\":\"accept\",\"content\":{\"approved\":true}}},";
        String tampered = state.substring(0, state.length() - 2) + (state.endsWith("AA") ? "BB" : "AA");
        assertEquals(-32602, error(call(http, "\"t-2\"", 500, "{\"elicitation\":{}}",
                answer + "\"requestState\":\"" + tampered + "\"")).getInt("code"));
        assertEquals(-32602, error(call(http, "\"t-3\"", 500, "{\"elicitation\":{}}",
                answer + "\"requestState\":\"" + state + "-TAMPERED\"")).getInt("code"));
        HttpResponse<String> borrowed = call(new McpHttp(base, otherToken), "\"t-4\"", 500, "{\"elicitation\":{}}",
                answer + "\"requestState\":\"" + state + "\"");
        assertEquals(-32602, error(borrowed).getInt("code"), "a state is its caller's: " + borrowed.body());
        assertFalse(borrowed.body().contains(state), "the state is not echoed");
    }

    @Test
    void aClientThatCannotAnswerIsToldWhatItLacks() throws Exception {
        HttpResponse<String> response = call(http, "\"c-1\"", 500, "{}", null);
        assertEquals(400, response.statusCode(), response.body());
        JsonObject error = error(response);
        assertEquals(-32021, error.getInt("code"));
        assertEquals(Json.createObjectBuilder().add("elicitation", Json.createObjectBuilder()).build(),
                error.getJsonObject("data").getJsonObject("requiredCapabilities"));
    }

    @Test
    void overRestTheMethodCannotAsk() throws Exception {
        HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                base.toString().replaceAll("/$", "") + "/api/approvals?amount=500"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, rest.statusCode(), rest.body());
    }

    /**
     * Protocol 2025-11-25: the question is a request on the call's event stream, the client POSTs its response in
     * the session, and the method goes on with the answer; the audit entry records it. A response posted in
     * another session of the same caller does not reach the call.
     */
    @Test
    void inASessionTheClientIsAskedOnTheCallsStream() throws Exception {
        String session = http.initialize("{\"elicitation\":{}}");
        String otherSession = http.initialize("{\"elicitation\":{}}");
        try (BufferedReader events = http.openEventStream(sessionCall("11", 500), McpHttp.sessionHeaders(session))) {
            JsonObject question = json(McpHttp.nextEvent(events));
            assertEquals("elicitation/create", question.getString("method"), question.toString());
            assertEquals("Pay 500?", question.getJsonObject("params").getString("message"));
            assertEquals("form", question.getJsonObject("params").getString("mode"), "2025-11-25 has modes");
            String accept = "{\"jsonrpc\":\"2.0\",\"id\":" + question.get("id") + ",\"result\":{\"action\":"
                    + "\"accept\",\"content\":{\"approved\":true}}}";
            assertEquals(202, http.post(accept, McpHttp.sessionHeaders(otherSession)).statusCode());
            assertEquals(202, http.post(accept, McpHttp.sessionHeaders(session)).statusCode());
            JsonObject response = json(McpHttp.nextEvent(events));
            assertEquals(11, response.getInt("id"));
            JsonObject result = response.getJsonObject("result");
            assertFalse(result.getBoolean("isError"), response.toString());
            assertEquals("paid 500", result.getJsonArray("content").getJsonObject(0).getString("text"));
            assertNull(McpHttp.nextEvent(events), "the response is the last event");
        }
        JsonObject entry = audited("11");
        assertEquals("SUCCESS", entry.getString("outcome"));
        assertEquals(session, entry.getString("sessionId"));
        assertEquals("accept", entry.getJsonObject("arguments").getJsonObject("$inputResponses")
                .getJsonObject("approval").getString("action"), entry.toString());
    }

    /**
     * What a session's client answers decides: a declined question ends the call as the method says (403), an
     * error response ends it naming the client's reason (400), a client that declared no elicitation is told so
     * without being asked, and a cancelled call stops waiting.
     */
    @Test
    void aSessionsClientThatDeclinesRefusesLacksOrCancelsEndsTheCall() throws Exception {
        String session = http.initialize("{\"elicitation\":{}}");
        assertTrue(askedAndAnswered(session, "21", "\"result\":{\"action\":\"decline\"}")
                .endsWith("the user did not approve the payment"));
        assertEquals(403, audited("21").getInt("status"));
        assertTrue(askedAndAnswered(session, "22", "\"error\":{\"code\":-1,\"message\":\"User rejected\"}")
                .endsWith("User rejected"));
        assertEquals(400, audited("22").getInt("status"));

        String withoutElicitation = http.initialize();
        HttpResponse<String> plain = http.post(sessionCall("23", 500), McpHttp.sessionHeaders(withoutElicitation));
        assertTrue(plain.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "nothing to ask it, so no stream");
        assertTrue(errorText(json(plain.body())).contains("did not declare the elicitation capability"),
                plain.body());

        try (BufferedReader events = http.openEventStream(sessionCall("24", 500), McpHttp.sessionHeaders(session))) {
            JsonObject question = json(McpHttp.nextEvent(events));
            assertEquals(202, http.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{"
                    + "\"requestId\":24}}", McpHttp.sessionHeaders(session)).statusCode());
            JsonObject withdrawn = json(McpHttp.nextEvent(events));
            assertEquals("notifications/cancelled", withdrawn.getString("method"), "the question is withdrawn");
            assertEquals(question.get("id"), withdrawn.getJsonObject("params").get("requestId"));
            assertTrue(errorText(json(McpHttp.nextEvent(events))).contains("cancelled"));
        }
        assertEquals("CANCELLED", audited("24").getString("outcome"));
    }

    /** Asks in the session, answers with {@code answer} (a result or an error member): the call's error text. */
    private String askedAndAnswered(String session, String id, String answer) throws Exception {
        try (BufferedReader events = http.openEventStream(sessionCall(id, 500), McpHttp.sessionHeaders(session))) {
            JsonObject question = json(McpHttp.nextEvent(events));
            assertEquals(202, http.post("{\"jsonrpc\":\"2.0\",\"id\":" + question.get("id") + "," + answer + "}",
                    McpHttp.sessionHeaders(session)).statusCode());
            return errorText(json(McpHttp.nextEvent(events)));
        }
    }

    private static String sessionCall(String id, int amount) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"approve_payment\",\"arguments\":{\"amount\":" + amount + "}}}";
    }

    /** A tool call's error result's text. */
    private static String errorText(JsonObject response) {
        JsonObject result = response.getJsonObject("result");
        assertTrue(result.getBoolean("isError"), response.toString());
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static HttpResponse<String> call(McpHttp client, String id, int amount, String capabilities, String more)
            throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"approve_payment\",\"arguments\":{\"amount\":" + amount + "}" + (more == null ? "" : more)
                + ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":" + capabilities + "}}}";
        return client.post(body, jsonHeaders("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call",
                "Mcp-Name", "approve_payment"));
    }

    private static JsonObject result(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonObject answer = Json.createReader(new StringReader(response.body())).readObject();
        assertTrue(answer.containsKey("result"), response.body());
        return answer.getJsonObject("result");
    }

    private static JsonObject error(HttpResponse<String> response) {
        JsonObject answer = Json.createReader(new StringReader(response.body())).readObject();
        assertTrue(answer.containsKey("error"), response.body());
        return answer.getJsonObject("error");
    }

    private JsonObject audited(String requestId) {
        return TestTokens.auditEntry(base, owner, requestId);
    }
}
