package io.mcpee.bench.sdk;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The official MCP Java SDK's Streamable HTTP servlet at {@code /mcp} of this WAR, serving one tool,
 * {@code retrieve_customer}, as the SDK's documentation builds a server: a synchronous server whose tool handler runs
 * on the request's thread. No authentication, no audit, no redaction.
 */
@WebListener
public class SdkServer implements ServletContextListener {
    private static final String INPUT_SCHEMA = """
            {"type":"object","properties":{"id":{"type":"integer","description":"The customer's id"}},\
            "required":["id"]}""";

    @Inject
    CustomerLookup customers;

    private final Jsonb jsonb = JsonbBuilder.create();
    private McpSyncServer server;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json).mcpEndpoint("/mcp").build();
        ServletRegistration.Dynamic servlet = event.getServletContext().addServlet("mcp-sdk", transport);
        servlet.setAsyncSupported(true);
        servlet.addMapping("/mcp");
        Tool tool = Tool.builder().name("retrieve_customer").description("Retrieve one customer by id")
                .inputSchema(json, INPUT_SCHEMA).build();
        server = McpServer.sync(transport).serverInfo("mcp-sdk-bench", "1").jsonMapper(json)
                .capabilities(ServerCapabilities.builder().tools(false).build()).immediateExecution(true)
                .tools(SyncToolSpecification.builder().tool(tool)
                        .callHandler((exchange, request) -> retrieve(json, request)).build())
                .build();
    }

    private CallToolResult retrieve(McpJsonMapper json, CallToolRequest request) {
        Map<String, Object> arguments = request.arguments();
        if (!(arguments.get("id") instanceof Number id)) {
            return CallToolResult.builder().isError(true).addTextContent("id must be an integer").build();
        }
        Optional<Customer> customer = customers.find(id.longValue());
        if (customer.isEmpty()) {
            return CallToolResult.builder().isError(true).addTextContent("customer " + id + " not found").build();
        }
        String text = jsonb.toJson(customer.get());
        return CallToolResult.builder().content(List.of()).addTextContent(text).structuredContent(json, text)
                .isError(false).build();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (server != null) {
            server.closeGracefully();
        }
    }
}
