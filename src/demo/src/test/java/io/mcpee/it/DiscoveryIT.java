package io.mcpee.it;

import io.mcpee.it.plain.GreetingResource;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A resource class CDI does not discover still becomes a tool, and its injection points are filled. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DiscoveryIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar().addClass(GreetingResource.class);
    }

    @Test
    void plainResourceClassesBecomeTools() {
        McpSyncClient client = McpClients.connect(base, TestTokens.create(base, "carol", "greetings:read"));
        try {
            assertTrue(allToolNames(client).contains("retrieve_greeting"));
            McpSchema.CallToolResult result = McpClients.call(client, "retrieve_greeting", Map.of("name", "Ada"));
            assertFalse(result.isError(), () -> McpClients.text(result));
            assertEquals("Hello Ada, from carol", McpClients.text(result));
        } finally {
            client.closeGracefully();
        }
    }

    /**
     * A resource method's {@code @Context} parameters on a tool call tell it what they tell it on the REST call
     * the tool call stands for: the caller's JAX-RS SecurityContext, the REST URI (path, parameters, matched URIs
     * and resource, links built on it), the HTTP method, the headers (Accept, header and cookie arguments, no MCP
     * transport headers) and the application's providers. The resource prints them; the tool call's text must
     * equal the REST response's.
     */
    @Test
    void contextParametersDescribeTheRestRequestTheCallStandsFor() throws Exception {
        String token = TestTokens.create(base, "dora", "greetings:read");
        McpSyncClient client = McpClients.connect(base, token);
        String overMcp;
        try {
            McpSchema.CallToolResult result = McpClients.call(client, "greeting_context",
                    Map.of("name", "Ada Lovelace", "tone", "warm & kind", "X-Greeting", "hi", "theme", "dark"));
            assertFalse(result.isError(), () -> McpClients.text(result));
            overMcp = McpClients.text(result);
        } finally {
            client.closeGracefully();
        }
        URI rest = URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + base.getPath()
                .replaceAll("/$", "") + "/api/greetings/Ada%20Lovelace/context?tone=warm%20%26%20kind");
        HttpRequest request = HttpRequest.newBuilder(rest).header("Authorization", "Bearer " + token)
                .header("Accept", "text/plain").header("X-Greeting", "hi").header("Cookie", "theme=dark").build();
        HttpResponse<String> overRest = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, overRest.statusCode(), overRest::body);
        assertEquals(overRest.body(), overMcp);
        // and what both say is what a REST client sent: not the /mcp endpoint's URI, POST, or its headers
        assertTrue(overMcp.contains("request: " + rest + "\n"), overMcp);
        assertTrue(overMcp.contains("\nmethod: GET\n"), overMcp);
        assertTrue(overMcp.contains("\naccept: [text/plain] text/plain\n"), overMcp);
        assertTrue(overMcp.contains("\ntransport: null false\n"), overMcp);
        assertTrue(overMcp.startsWith("Ada Lovelace warm & kind\ndora\nnobody: false\n"), overMcp);
    }

    private static java.util.List<String> allToolNames(McpSyncClient client) {
        java.util.List<String> names = new java.util.ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = client.listTools(cursor);
            page.tools().forEach(t -> names.add(t.name()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return names;
    }
}
