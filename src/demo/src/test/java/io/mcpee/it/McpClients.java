package io.mcpee.it;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

/** The official MCP Java SDK client, pointed at a deployment. */
final class McpClients {

    private McpClients() {
    }

    static McpSyncClient connect(URL base, String token) {
        // the deployment's context root is part of the endpoint path, not of the base URI the SDK resolves against
        String origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        var transport = HttpClientStreamableHttpTransport.builder(origin).endpoint(path + "mcp")
                .httpRequestCustomizer((request, method, uri, body, context) -> {
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                }).build();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("mcp-ee-it", "1.0"))
                .requestTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
        return client;
    }

    static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(McpSchema.CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }
}
