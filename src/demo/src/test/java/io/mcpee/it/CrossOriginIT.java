package io.mcpee.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CORS at {@code /mcp} for browser clients (execution "payara-h2" lists {@code https://inspector.example} in
 * {@code mcpee.mcp.allowed-origins}): a listed origin's preflight passes without credentials and its answers,
 * refusals included, carry the CORS headers; no other origin gets any (not even a loopback one, which the endpoint
 * otherwise serves): nothing is opened by default. Requests go to {@code localhost}, as a browser's would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrossOriginIT {
    private static final String LISTED = "https://inspector.example";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"browser\","
            + "\"version\":\"1\"}}}";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    private URI mcp() {
        return URI.create("http://localhost:" + base.getPort() + base.getPath() + "mcp");
    }

    private HttpResponse<String> preflight(String origin, String method, String headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(mcp()).timeout(Duration.ofSeconds(10))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", method);
        if (headers != null) {
            request.header("Access-Control-Request-Headers", headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> initialize(String origin, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(mcp()).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).header("Origin", origin)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void aListedOriginsPreflightPassesWithoutCredentials() throws Exception {
        HttpResponse<String> allowed = preflight(LISTED, "POST",
                "authorization, content-type, mcp-session-id, mcp-protocol-version");
        assertEquals(204, allowed.statusCode(), allowed.body());
        assertEquals(LISTED, header(allowed, "Access-Control-Allow-Origin"));
        assertEquals("true", header(allowed, "Access-Control-Allow-Credentials"));
        assertTrue(header(allowed, "Access-Control-Allow-Methods").contains("POST"));
        assertTrue(header(allowed, "Access-Control-Allow-Headers").contains("mcp-session-id"));
        assertTrue(header(allowed, "Vary").contains("Origin"));
        assertEquals("600", header(allowed, "Access-Control-Max-Age"));

        HttpResponse<String> foreignHeader = preflight(LISTED, "POST", "authorization, x-exfiltrate");
        assertEquals(403, foreignHeader.statusCode());
        assertTrue(foreignHeader.body().contains("x-exfiltrate"), foreignHeader.body());
        assertEquals(403, preflight(LISTED, "PUT", null).statusCode(), "MCP uses GET, POST and DELETE");
    }

    @Test
    void noOtherOriginIsOpened() throws Exception {
        for (String origin : new String[] {"https://evil.example", "http://localhost:3000", "null"}) {
            HttpResponse<String> refused = preflight(origin, "POST", "authorization");
            assertEquals(403, refused.statusCode(), origin + ": " + refused.body());
            assertEquals(null, header(refused, "Access-Control-Allow-Origin"), origin);
        }
        String token = TestTokens.create(base, "cors-" + System.nanoTime(), "customers:read");
        HttpResponse<String> local = initialize("http://localhost:3000", token);
        assertEquals(200, local.statusCode(), "the endpoint serves a loopback origin, as before: " + local.body());
        assertEquals(null, header(local, "Access-Control-Allow-Origin"), "but a browser may not read it");
        HttpResponse<String> evil = initialize("https://evil.example", token);
        assertEquals(403, evil.statusCode());
        assertEquals(null, header(evil, "Access-Control-Allow-Origin"));
    }

    @Test
    void aListedOriginReadsItsAnswersAndItsChallenge() throws Exception {
        HttpResponse<String> challenged = initialize(LISTED, null);
        assertEquals(401, challenged.statusCode());
        assertEquals(LISTED, header(challenged, "Access-Control-Allow-Origin"));
        assertTrue(header(challenged, "Access-Control-Expose-Headers").contains("WWW-Authenticate"));
        assertTrue(header(challenged, "WWW-Authenticate").contains("resource_metadata"),
                "the challenge a browser client follows to sign in");

        String token = TestTokens.create(base, "cors-" + System.nanoTime(), "customers:read");
        HttpResponse<String> answered = initialize(LISTED, token);
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals(LISTED, header(answered, "Access-Control-Allow-Origin"));
        assertEquals("true", header(answered, "Access-Control-Allow-Credentials"));
        assertTrue(header(answered, "Access-Control-Expose-Headers").contains("Mcp-Session-Id"));
        assertFalse(header(answered, "Mcp-Session-Id").isBlank());
    }

    @Test
    void anOptionsThatIsNoPreflightNamesTheMethodsServed() throws Exception {
        String token = TestTokens.create(base, "cors-" + System.nanoTime(), "customers:read");
        HttpResponse<String> options = HTTP.send(HttpRequest.newBuilder(mcp()).timeout(Duration.ofSeconds(10))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, options.statusCode(), options.body());
        assertEquals("GET, POST, DELETE, OPTIONS", header(options, "Allow"), "as the endpoint's 405s name them");
    }
}
