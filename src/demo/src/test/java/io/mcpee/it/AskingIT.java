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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asking the client ({@code McpExchange.ask}) in protocol 2026-07-28, over raw HTTP: {@code input_required} with the
 * question and a sealed {@code requestState}, the call again with the answer, a changed or borrowed state refused,
 * a client without the capability told which (-32021), each round audited; on REST and in a session the method
 * cannot ask and says so.
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
    void overRestAndInASessionTheMethodCannotAsk() throws Exception {
        HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                base.toString().replaceAll("/$", "") + "/api/approvals?amount=500"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, rest.statusCode(), rest.body());
        String session = http.initialize();
        HttpResponse<String> called = http.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{"
                + "\"name\":\"approve_payment\",\"arguments\":{\"amount\":500}}}", McpHttp.sessionHeaders(session));
        JsonObject result = Json.createReader(new StringReader(called.body())).readObject().getJsonObject("result");
        assertTrue(result.getBoolean("isError"), called.body());
        assertTrue(result.getJsonArray("content").getJsonObject(0).getString("text").contains("2026-07-28"),
                called.body());
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
