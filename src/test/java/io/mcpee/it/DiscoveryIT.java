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

import java.net.URL;
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
     * A resource method's {@code @Context} parameters on a tool call serve the tool call's request: the caller's
     * JAX-RS SecurityContext, URI, headers, request and the application's providers.
     */
    @Test
    void contextParametersSeeTheToolCallsRequest() {
        String token = TestTokens.create(base, "dora", "greetings:read");
        McpSyncClient client = McpClients.connect(base, token);
        try {
            McpSchema.CallToolResult result = McpClients.call(client, "greeting_context", Map.of("name", "Ada"));
            assertFalse(result.isError(), () -> McpClients.text(result));
            // the principal is the token's user; isUserInRole answers (no failure outside a request); the base URI
            // is absolute; the agent's Authorization header is there; a Request and the String writer are found
            assertEquals("Ada|dora|false|true|true|true|true", McpClients.text(result));
        } finally {
            client.closeGracefully();
        }
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
