package io.mcpee.tools;

import io.mcpee.demo.ActivityResource;
import io.mcpee.demo.ArticleResource;
import io.mcpee.demo.CustomerResource;
import io.mcpee.results.Outcome;
import io.mcpee.schema.Argument;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "A tool call is allowed exactly when the same REST call by the same caller would be": for every demo operation and
 * every token profile, the REST call and the MCP call agree, allowed or denied. The rows are generated from the
 * resource classes (the same tool catalog the server builds), not listed by hand.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {
    private static final String ADMIN = System.getProperty("mcpee.test.admin-token");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, List<String>> PROFILES = new LinkedHashMap<>();

    static {
        PROFILES.put("none", List.of());
        PROFILES.put("customers-read", List.of("customers:read"));
        PROFILES.put("customers-write", List.of("customers:write"));
        PROFILES.put("customers-all", List.of("customers:read", "customers:write", "customers:delete"));
        PROFILES.put("articles-read", List.of("articles:read"));
        PROFILES.put("articles-all", List.of("articles:read", "articles:write"));
    }

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("mcpee.war")));
    }

    /** What a call did: went through, was refused for lack of rights, or something else (a test bug). */
    enum Outcome { ALLOWED, DENIED, UNEXPECTED }

    @Test
    void restAndMcpAgreeForEveryOperationAndToken() throws Exception {
        List<ToolDefinition> tools = ToolCatalog.build(List.of(CustomerResource.class, ArticleResource.class,
                ActivityResource.class), ToolFilter.of(List.of(), List.of())).catalog().tools();
        assertEquals(14, tools.size());
        List<String> rows = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, List<String>> profile : PROFILES.entrySet()) {
            String owner = "matrix-" + profile.getKey();
            String token = token(owner, profile.getValue());
            String setup = token(owner, List.of("customers:read", "customers:write", "customers:delete",
                    "articles:read", "articles:write"));
            McpSyncClient client = connect(token);
            try {
                for (ToolDefinition tool : tools) {
                    Outcome rest = rest(tool, token, fixture(tool, setup));
                    Outcome mcp = mcp(tool, client, fixture(tool, setup));
                    String row = profile.getKey() + " " + tool.name() + ": REST " + rest + ", MCP " + mcp;
                    rows.add(row);
                    if (rest != mcp || rest == Outcome.UNEXPECTED) {
                        disagreements.add(row);
                    }
                }
            } finally {
                client.closeGracefully();
            }
        }
        assertEquals(List.of(), disagreements, String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(r -> r.endsWith("REST ALLOWED, MCP ALLOWED")));
        assertTrue(rows.stream().anyMatch(r -> r.endsWith("REST DENIED, MCP DENIED")));
    }

    /** A fresh customer or article owned by the profile's user, for a call that may change or delete it. */
    private long fixture(ToolDefinition tool, String setupToken) throws Exception {
        if (!tool.target().path().contains("{id}")) {
            return -1;
        }
        boolean article = tool.target().resourceClass() == ArticleResource.class;
        HttpResponse<String> created = send("POST", article ? "api/articles" : "api/customers", setupToken,
                article ? "{\"title\":\"Matrix\",\"body\":\"b\"}" : "{\"name\":\"Matrix\",\"phone\":\"1\"}");
        assertEquals(201, created.statusCode(), created.body());
        return Json.createReader(new StringReader(created.body())).readObject().getJsonNumber("id").longValue();
    }

    private Outcome rest(ToolDefinition tool, String token, long id) throws Exception {
        String path = "api" + tool.target().path().replace("{id}", String.valueOf(id));
        String body = null;
        for (Argument argument : tool.arguments()) {
            if (argument instanceof Argument.Body b) {
                body = Json.createObjectBuilder(sample(b.name())).build().toString();
            }
        }
        HttpResponse<String> response = send(tool.target().httpMethod(), path, token, body);
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return Outcome.DENIED;
        }
        return status < 300 ? Outcome.ALLOWED : Outcome.UNEXPECTED;
    }

    private Outcome mcp(ToolDefinition tool, McpSyncClient client, long id) {
        Map<String, Object> arguments = new HashMap<>();
        if (id >= 0) {
            arguments.put("id", id);
        }
        for (Argument argument : tool.arguments()) {
            if (argument instanceof Argument.Body b) {
                arguments.put(b.name(), sample(b.name()));
            }
        }
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool.name(), arguments));
        if (!Boolean.TRUE.equals(result.isError())) {
            return Outcome.ALLOWED;
        }
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        return text.startsWith("HTTP 403 ") ? Outcome.DENIED : Outcome.UNEXPECTED;
    }

    private static Map<String, Object> sample(String bodyName) {
        return switch (bodyName) {
            case "customer" -> Map.of("name", "Matrix", "phone", "2");
            case "customerPatch" -> Map.of("phone", "3");
            case "article" -> Map.of("title", "Matrix", "body", "c");
            default -> throw new IllegalStateException("no sample for " + bodyName);
        };
    }

    private String token(String owner, List<String> permissions) throws Exception {
        JsonArrayBuilder grants = Json.createArrayBuilder();
        permissions.forEach(grants::add);
        HttpResponse<String> created = send("POST", "mcp-ee/api/tokens", ADMIN, Json.createObjectBuilder()
                .add("name", "matrix").add("owner", owner).add("permissions", grants).build().toString());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject body = Json.createReader(new StringReader(created.body())).readObject();
        return body.getString("secret");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private McpSyncClient connect(String token) {
        String origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        var transport = HttpClientStreamableHttpTransport.builder(origin).endpoint(base.getPath() + "mcp")
                .httpRequestCustomizer((builder, method, uri, body, context) ->
                        builder.header("Authorization", "Bearer " + token)).build();
        McpSyncClient client = McpClient.sync(transport).clientInfo(new McpSchema.Implementation("matrix", "1"))
                .requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }
}
