package io.mcpee.it;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Agent tokens at the MCP endpoint and the REST API: who gets in, as whom, with what. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthenticationIT {
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    private int initializeStatus(String authorization) throws Exception {
        return initialize(authorization).statusCode();
    }

    private HttpResponse<String> initialize(String authorization) throws Exception {
        McpHttp http = new McpHttp(base, null);
        Map<String, String> headers = McpHttp.jsonHeaders();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return http.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}}", headers);
    }

    @Test
    void missingCredentialsGetTheMcpChallenge() throws Exception {
        HttpResponse<String> response = new McpHttp(base, null).post(PING, McpHttp.jsonHeaders());
        assertEquals(401, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer resource_metadata=\"http://localhost:" + base.getPort()), challenge);
        assertTrue(challenge.endsWith("/.well-known/oauth-protected-resource/mcp\""), challenge);
        assertFalse(response.body().contains("Exception"), response.body());
    }

    /** The checks go by the path the container mapped, not the raw URI: another spelling of /mcp is /mcp. */
    @Test
    void otherSpellingsOfTheEndpointNeedCredentialsToo() throws Exception {
        for (String path : List.of("//mcp", "/mcp/", "//mcp/")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + base.getPort() + base.getPath().replaceAll("/$", "") + path))
                    .header("Content-Type", "application/json").header("Accept", McpHttp.JSON_AND_SSE)
                    .POST(HttpRequest.BodyPublishers.ofString(PING)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() == 401 || response.statusCode() == 404,
                    path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    @Test
    void badCredentialsAreRefused() throws Exception {
        String good = TestTokens.create(base, "gina", "customers:read");
        String key = good.substring(0, good.lastIndexOf('_') + 1);
        String secret = good.substring(good.lastIndexOf('_') + 1);
        String wrongSecret = key + (secret.charAt(0) == 'a' ? "b" : "a") + secret.substring(1);
        String unknownKey = "mcp_ffffffffffffffff_" + secret;
        for (String header : List.of("Bearer garbage", "Bearer " + wrongSecret, "Bearer " + unknownKey,
                "Basic " + java.util.Base64.getEncoder().encodeToString("gina:pw".getBytes()), "Bearer")) {
            assertEquals(401, initializeStatus(header), header);
        }
        assertEquals(200, initializeStatus("Bearer " + good));
        assertEquals(200, initializeStatus("bEaReR " + good), "the scheme is case-insensitive");
    }

    @Test
    void tokensInTheQueryStringAreRefused() throws Exception {
        String good = TestTokens.create(base, "hank", "customers:read");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/customers?access_token=" + good))
                .header("Authorization", "Bearer " + good).GET().build();
        assertEquals(401, HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void inactiveExpiredAndRegeneratedTokensStopWorking() throws Exception {
        String token = TestTokens.create(base, "ivan", "customers:read");
        long id = tokenId(token);
        TestTokens.adminCall(base, "PATCH", "tokens/" + id, "{\"active\":false}");
        assertEquals(401, initializeStatus("Bearer " + token));
        TestTokens.adminCall(base, "PATCH", "tokens/" + id, "{\"active\":true}");
        HttpResponse<String> reactivated = initialize("Bearer " + token);
        assertEquals(200, reactivated.statusCode(), reactivated.body());

        String fresh = TestTokens.adminCall(base, "POST", "tokens/" + id + "/regenerate", null).getString("secret");
        assertNotEquals(token, fresh);
        assertEquals(401, initializeStatus("Bearer " + token), "the old secret stops at once");
        assertEquals(200, initializeStatus("Bearer " + fresh));

        JsonObject shortLived = TestTokens.adminCall(base, "POST", "tokens", Json.createObjectBuilder()
                .add("name", "short").add("owner", "ivan").add("expiresAt", Instant.now().plusSeconds(2).toString())
                .add("permissions", Json.createArrayBuilder().add("customers:read")).build().toString());
        String expiring = shortLived.getString("secret");
        assertEquals(200, initializeStatus("Bearer " + expiring));
        Thread.sleep(2500);
        assertEquals(401, initializeStatus("Bearer " + expiring));
        assertEquals("expired", TestTokens.adminCall(base, "GET", "tokens/"
                + shortLived.getJsonObject("token").getJsonNumber("id").longValue(), null).getString("status"));
    }

    @Test
    void lastUseIsRecorded() throws Exception {
        String token = TestTokens.create(base, "jane", "customers:read");
        long id = tokenId(token);
        assertFalse(TestTokens.adminCall(base, "GET", "tokens/" + id, null).containsKey("lastUsedAt"),
                "never used yet");
        assertEquals(200, initializeStatus("Bearer " + token));
        Instant deadline = Instant.now().plusSeconds(20);
        JsonObject view;
        do {
            Thread.sleep(200);
            view = TestTokens.adminCall(base, "GET", "tokens/" + id, null);
        } while (!view.containsKey("lastUsedAt") && Instant.now().isBefore(deadline));
        assertNotNull(view.getString("lastUsedAt", null), "written off the request thread, soon after");
    }

    @Test
    void unusedTokensAreReported() {
        String token = TestTokens.create(base, "vera", "customers:read");
        String preview = token.substring(0, 12);
        assertTrue(TestTokens.adminText(base, "tokens/unused?days=0").contains(preview));
        assertFalse(TestTokens.adminText(base, "tokens/unused?days=1").contains(preview),
                "made less than a day ago");
    }

    @Test
    void aTokenWithoutGrantsCanOnlyConnect() {
        String token = TestTokens.create(base, "kate");
        McpSyncClient client = McpClients.connect(base, token);
        try {
            client.ping();
            assertEquals(List.of(), client.listTools().tools());
            McpSchema.CallToolResult denied = McpClients.call(client, "list_customers", Map.of());
            assertTrue(denied.isError());
            assertEquals("HTTP 403 Forbidden: this caller may not use the tool list_customers",
                    McpClients.text(denied));
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void toolsListShowsOnlyWhatTheCallerMayCall() {
        String token = TestTokens.create(base, "liam", "articles:read");
        McpSyncClient client = McpClients.connect(base, token);
        try {
            List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
            assertEquals(List.of("list_activity", "list_articles", "retrieve_article"), names);
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void customersBelongToTheirOwners() {
        String alice = TestTokens.create(base, "olga", "customers:read", "customers:write", "customers:delete");
        String bob = TestTokens.create(base, "pete", "customers:read", "customers:write", "customers:delete");
        String auditor = TestTokens.create(base, "quin", "customers:read", "customers:admin");
        String name = "Owned " + UUID.randomUUID();
        McpSyncClient olga = McpClients.connect(base, alice);
        McpSyncClient pete = McpClients.connect(base, bob);
        McpSyncClient quin = McpClients.connect(base, auditor);
        try {
            Number id = (Number) McpClients.structured(McpClients.call(olga, "create_customer",
                    Map.of("customer", Map.of("name", name, "phone", "1")))).get("id");
            McpSchema.CallToolResult hidden = McpClients.call(pete, "retrieve_customer", Map.of("id", id));
            assertEquals("HTTP 404 Not Found: Customer " + id + " not found", McpClients.text(hidden),
                    "another owner's customer does not exist for pete");
            assertTrue(McpClients.call(pete, "delete_customer", Map.of("id", id)).isError());
            assertEquals(0, ((Number) McpClients.structured(McpClients.call(pete, "list_customers",
                    Map.of("q", name))).get("total")).intValue());
            assertEquals(name, McpClients.structured(McpClients.call(quin, "retrieve_customer", Map.of("id", id)))
                    .get("name"), "customers:admin sees every owner's");
            assertFalse(McpClients.call(olga, "retrieve_customer", Map.of("id", id)).isError());
        } finally {
            olga.closeGracefully();
            pete.closeGracefully();
            quin.closeGracefully();
        }
    }

    @Test
    void tokensCannotExceedTheirCreator() throws Exception {
        String reader = TestTokens.create(base, "rita", "mcp-tokens", "customers:read");
        HttpResponse<String> escalate = postAs(reader, "mcp-ee/api/tokens",
                "{\"name\":\"more\",\"permissions\":[\"customers:write\"]}");
        assertEquals(403, escalate.statusCode(), escalate.body());
        HttpResponse<String> forOther = postAs(reader, "mcp-ee/api/tokens",
                "{\"name\":\"theirs\",\"owner\":\"sam\",\"permissions\":[\"customers:read\"]}");
        assertEquals(403, forOther.statusCode(), forOther.body());
        HttpResponse<String> own = postAs(reader, "mcp-ee/api/tokens",
                "{\"name\":\"mine\",\"permissions\":[\"customers:read\"]}");
        assertEquals(201, own.statusCode(), own.body());
        JsonObject created = Json.createReader(new StringReader(own.body())).readObject();
        assertEquals("rita", created.getJsonObject("token").getString("owner"));
        assertFalse(own.body().contains("secretHash"));
    }

    /** A session serves only the caller that opened it: to another it is unknown (404), and it lives on. */
    @Test
    void aSessionBelongsToTheCallerThatOpenedIt() throws Exception {
        String ada = TestTokens.create(base, "ada", "customers:read");
        String bob = TestTokens.create(base, "bob", "customers:read");
        String adas = new McpHttp(base, ada).initialize();
        McpHttp asBob = new McpHttp(base, bob);
        HttpResponse<String> borrowed = asBob.post(PING, McpHttp.sessionHeaders(adas));
        assertEquals(404, borrowed.statusCode(), borrowed.body());
        assertEquals(404, asBob.send("DELETE", McpHttp.sessionHeaders(adas)).statusCode(),
                "nor can another caller end it");
        String adasOtherToken = TestTokens.create(base, "ada", "customers:read");
        assertEquals(404, new McpHttp(base, adasOtherToken).post(PING, McpHttp.sessionHeaders(adas)).statusCode(),
                "another token of the same user is another caller");
        McpHttp asAda = new McpHttp(base, ada);
        assertEquals(200, asAda.post(PING, McpHttp.sessionHeaders(adas)).statusCode(), "still Ada's");
        assertEquals(204, asAda.send("DELETE", McpHttp.sessionHeaders(adas)).statusCode());
    }

    @Test
    void groupsAddTheirPermissions() {
        String group = "readers-" + UUID.randomUUID().toString().substring(0, 8);
        TestTokens.adminCall(base, "POST", "token-groups", "{\"name\":\"" + group
                + "\",\"permissions\":[\"articles:read\"]}");
        String token = TestTokens.adminCall(base, "POST", "tokens", "{\"name\":\"grouped\",\"owner\":\"tess\","
                + "\"groups\":[\"" + group + "\"]}").getString("secret");
        McpSyncClient client = McpClients.connect(base, token);
        try {
            assertFalse(McpClients.call(client, "list_articles", Map.of()).isError());
            assertTrue(McpClients.call(client, "list_customers", Map.of()).isError());
        } finally {
            client.closeGracefully();
        }
    }

    /** On update, permissions and groups each change only when given, and an empty list takes them all away. */
    @Test
    void grantsChangeOneKindAtATime() {
        String group = "writers-" + UUID.randomUUID().toString().substring(0, 8);
        TestTokens.adminCall(base, "POST", "token-groups", "{\"name\":\"" + group
                + "\",\"permissions\":[\"articles:write\"]}");
        long id = TestTokens.adminCall(base, "POST", "tokens", "{\"name\":\"regranted\",\"owner\":\"rhea\","
                + "\"permissions\":[\"articles:read\"],\"groups\":[\"" + group + "\"]}").getJsonObject("token")
                .getJsonNumber("id").longValue();
        JsonObject renamed = TestTokens.adminCall(base, "PATCH", "tokens/" + id, "{\"name\":\"renamed\"}");
        assertEquals(List.of("articles:read"), strings(renamed, "permissions"));
        assertEquals(List.of(group), strings(renamed, "groups"));
        JsonObject regrouped = TestTokens.adminCall(base, "PATCH", "tokens/" + id,
                "{\"permissions\":[\"customers:read\"]}");
        assertEquals(List.of("customers:read"), strings(regrouped, "permissions"));
        assertEquals(List.of(group), strings(regrouped, "groups"), "groups stay when only permissions are given");
        JsonObject noGroups = TestTokens.adminCall(base, "PATCH", "tokens/" + id, "{\"groups\":[]}");
        assertEquals(List.of(), strings(noGroups, "groups"));
        assertEquals(List.of("customers:read"), strings(noGroups, "permissions"));
        JsonObject nothing = TestTokens.adminCall(base, "PATCH", "tokens/" + id, "{\"permissions\":[]}");
        assertEquals(List.of(), strings(nothing, "effectivePermissions"));
    }

    private static List<String> strings(JsonObject view, String name) {
        return view.getJsonArray(name).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).sorted().toList();
    }

    @Test
    void protectedResourceMetadataNamesScopes() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base
                + ".well-known/oauth-protected-resource/mcp")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonObject document = Json.createReader(new StringReader(response.body())).readObject();
        assertTrue(document.getString("resource").endsWith("/mcp"), document.toString());
        List<String> scopes = document.getJsonArray("scopes_supported").getValuesAs(
                jakarta.json.JsonString::getString);
        assertTrue(scopes.containsAll(List.of("customers:read", "customers:write", "articles:read")), scopes.toString());
    }

    @Test
    void restNeedsATokenToo() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/customers")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        String token = TestTokens.create(base, "uma", "customers:read");
        HttpResponse<String> allowed = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/customers"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, allowed.statusCode());
        HttpResponse<String> denied = postAs(token, "api/customers", "{\"name\":\"x\",\"phone\":\"1\"}");
        assertEquals(403, denied.statusCode());
        assertEquals("Bearer error=\"insufficient_scope\", scope=\"customers:write\"",
                denied.headers().firstValue("WWW-Authenticate").orElse(""), "which scope would have been enough");
    }

    /**
     * mcp-ee's JSON-RPC error mapper serves the MCP endpoint only: the application's REST errors stay its own, even
     * though the demo's JAX-RS application serves every provider class it finds.
     */
    @Test
    void restErrorsStayTheApplicationsOwn() throws Exception {
        String token = TestTokens.create(base, "vera", "customers:read");
        HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/customers/987654321"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertFalse(missing.body().contains("jsonrpc"), missing.body());
        HttpResponse<String> denied = postAs(token, "api/customers", "{\"name\":\"x\",\"phone\":\"1\"}");
        assertEquals(403, denied.statusCode());
        assertFalse(denied.body().contains("jsonrpc"), denied.body());
    }

    /** A body the demo cannot read is a 400, whatever the method, never a 500 or a container page. */
    @Test
    void unreadableRestBodiesAreBadRequests() throws Exception {
        String token = TestTokens.create(base, "walt", "customers:read", "customers:write");
        HttpResponse<String> created = postAs(token, "api/customers", "{\"name\":\"Walt\",\"phone\":\"1\"}");
        assertEquals(201, created.statusCode(), created::body);
        String customer = "api/customers/" + Json.createReader(new StringReader(created.body())).readObject()
                .getJsonNumber("id").longValue();
        for (String method : List.of("POST", "PUT", "PATCH")) {
            for (String body : List.of("{", "{\"name\":{\"first\":1},\"phone\":\"1\"}", "[]")) {
                HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(base
                                + (method.equals("POST") ? "api/customers" : customer)))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(400, refused.statusCode(), method + " " + body + ": " + refused.body());
                assertEquals("The request body is not JSON of the expected form", Json.createReader(
                        new StringReader(refused.body())).readObject().getString("message"), method + " " + body);
            }
        }
    }

    private HttpResponse<String> postAs(String token, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The id of a token, found through the admin list by its key preview. */
    private long tokenId(String token) {
        String preview = token.substring(0, 12);
        for (var value : Json.createReader(new StringReader(listTokens())).readArray()) {
            JsonObject view = value.asJsonObject();
            if (view.getString("keyPreview").startsWith(preview)) {
                return view.getJsonNumber("id").longValue();
            }
        }
        throw new IllegalStateException("token not listed");
    }

    private String listTokens() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "mcp-ee/api/tokens"))
                    .header("Authorization", "Bearer " + TestTokens.ADMIN).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
