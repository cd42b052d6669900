package io.mcpee.it;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Enterprise SSO end to end: a real Keycloak issues client_credentials tokens, the WAR on Payara Micro accepts them
 * at /mcp through the same mechanism as agent tokens, and the service account's roles decide which tools it gets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeycloakMcpIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Keycloak keycloak = Keycloak.shared();
        String config = keycloak.mpJwtConfig().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "mcpee.server.version=test\n", "\n"));
        return Deployments.productWar().addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }

    @Test
    void aServiceAccountWithCustomersReadGetsExactlyTheReadTools() {
        Keycloak keycloak = Keycloak.shared();
        String token = keycloak.clientCredentialsToken(Keycloak.CRM_AGENT, Keycloak.CRM_AGENT_SECRET);
        McpSyncClient client = McpClients.connect(base, token);
        try {
            List<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
            assertEquals(List.of("list_activity", "list_customers", "retrieve_customer"), tools);
            McpSchema.CallToolResult listed = McpClients.call(client, "list_customers", Map.of());
            assertFalse(listed.isError(), () -> McpClients.text(listed));
            McpSchema.CallToolResult write = McpClients.call(client, "create_customer",
                    Map.of("customer", Map.of("name", "SSO", "phone", "1")));
            assertEquals("HTTP 403 Forbidden: this caller may not use the tool create_customer",
                    McpClients.text(write));
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void wrongAudienceTamperedAndForgedTokensGet401() throws Exception {
        Keycloak keycloak = Keycloak.shared();
        String otherAudience = keycloak.clientCredentialsToken(Keycloak.OTHER_AGENT, Keycloak.OTHER_AGENT_SECRET);
        assertEquals(401, initialize(otherAudience));

        String good = keycloak.clientCredentialsToken(Keycloak.CRM_AGENT, Keycloak.CRM_AGENT_SECRET);
        assertEquals(200, initialize(good));
        String[] parts = good.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String escalated = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("customers:read", "customers:write").getBytes());
        assertEquals(401, initialize(parts[0] + "." + escalated + "." + parts[2]), "a tampered payload");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertEquals(401, initialize(none + "." + parts[1] + "."), "alg none");
    }

    private int initialize(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + base.getPort() + base.getPath()
                        + "mcp")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", McpHttp.JSON_AND_SSE)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"sso\",\"version\":\"1\"}}}")).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        }
        return response.statusCode();
    }
}
