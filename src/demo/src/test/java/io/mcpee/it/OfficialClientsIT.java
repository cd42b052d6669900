package io.mcpee.it;

import io.modelcontextprotocol.client.McpSyncClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The official MCP clients other than the Java SDK (McpClientIT), each as a user runs it, against the product WAR
 * with an agent token: the TypeScript SDK v2 client statelessly (2026-07-28), and the clients of the session
 * revisions — the TypeScript SDK 1.x, the Inspector CLI and mcp-remote (Claude Desktop's bridge). Each lists the
 * tools the token may call and calls one; every call is audited under its client's name. The pom installs the
 * clients and Node 22 into {@code target/clients} (src/test/npm-install.sh); the scripts are src/test/clients/*.mjs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OfficialClientsIT {
    private static final long TIMEOUT_SECONDS = 120;
    private static String owner;
    private static String token;
    private static long customer;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @BeforeEach
    void agent() {
        if (token == null) {
            owner = "clients-" + UUID.randomUUID().toString().substring(0, 8);
            token = TestTokens.create(base, owner, "customers:read");
            // a customer of the same user to read, made by a token that may write
            try (McpSyncClient writer = McpClients.connect(base, TestTokens.create(base, owner, "customers:read",
                    "customers:write"))) {
                customer = ((Number) McpClients.structured(McpClients.call(writer, "create_customer",
                        Map.of("customer", Map.of("name", "Client " + owner, "email", "clients@example.com",
                                "ssn", "123-45-6789")))).get("id")).longValue();
            }
        }
    }

    @Test
    void typeScriptSdkV2ListsAndCallsToolsStatelessly() throws Exception {
        JsonObject seen = script("ts-sdk-v2.mjs");
        assertEquals("2026-07-28", seen.getString("protocolVersion"), "pinned, and the server offers it");
        assertSeesItsToolsAndReadsTheCustomerRedacted(seen);
        JsonObject entry = auditedCallOf("ts-sdk-v2-it");
        assertTrue(entry.isNull("sessionId"), "2026-07-28 has no session: " + entry);
        assertEquals("2.4.0", entry.getString("clientVersion"));
    }

    @Test
    void typeScriptSdkV1OpensASession() throws Exception {
        JsonObject seen = script("ts-sdk-v1.mjs");
        assertEquals("2025-11-25", seen.getString("protocolVersion"));
        assertSeesItsToolsAndReadsTheCustomerRedacted(seen);
        assertFalse(auditedCallOf("ts-sdk-v1-it").isNull("sessionId"), "a session revision's call names its session");
    }

    @Test
    void mcpRemoteBridgesStdioToTheEndpoint() throws Exception {
        JsonObject seen = script("mcp-remote.mjs");
        assertSeesItsToolsAndReadsTheCustomerRedacted(seen);
        // the bridge passes the stdio client's name upstream, marked as bridged
        assertFalse(auditedCallOf("claude-desktop-like (via mcp-remote 0.15.1)").isNull("sessionId"));
    }

    @Test
    void inspectorCliListsAndCallsTools() throws Exception {
        String listed = run(List.of("node", "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js",
                "--cli", endpoint(), "--transport", "http", "--header", "Authorization: Bearer " + token,
                "--method", "tools/list"));
        assertTrue(listed.contains("\"retrieve_customer\""), listed);
        assertFalse(listed.contains("\"delete_customer\""), "only what the token may call: " + listed);
        String called = run(List.of("node", "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js",
                "--cli", endpoint(), "--transport", "http", "--header", "Authorization: Bearer " + token,
                "--method", "tools/call", "--tool-name", "retrieve_customer", "--tool-arg", "id=" + customer));
        assertTrue(called.contains("Client " + owner), called);
        assertTrue(called.contains("***") && !called.contains("123-45-6789"), "the ssn is redacted: " + called);
    }

    private static void assertSeesItsToolsAndReadsTheCustomerRedacted(JsonObject seen) {
        List<String> tools = seen.getJsonArray("tools").getValuesAs(JsonString::getString);
        assertTrue(tools.contains("retrieve_customer"), tools.toString());
        assertFalse(tools.contains("delete_customer"), "only what a customers:read token may call: " + tools);
        JsonObject call = seen.getJsonObject("call");
        assertFalse(call.getBoolean("isError", false), call.toString());
        JsonObject structured = call.getJsonObject("structuredContent");
        assertEquals("Client " + owner, structured.getString("name"));
        assertEquals("***", structured.getString("ssn"));
    }

    private JsonObject auditedCallOf(String clientName) {
        return TestTokens.adminCall(base, "GET", "audit?limit=500&user=" + owner, null).getJsonArray("items")
                .stream().map(e -> e.asJsonObject())
                .filter(e -> clientName.equals(e.getString("clientName", null))
                        && "retrieve_customer".equals(e.getString("tool", null)))
                .findFirst().orElseThrow(() -> new AssertionError("no audited call of " + clientName));
    }

    /**
     * Runs a client script with the endpoint, the token and a call of retrieve_customer; it prints what it saw as one
     * line of JSON, among the log lines of what it started.
     */
    private JsonObject script(String name) throws Exception {
        String output = run(List.of("node", name, endpoint(), token, "retrieve_customer",
                "{\"id\":" + customer + "}"));
        String seen = output.lines().filter(line -> line.startsWith("{\"")).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError(name + " printed no result:\n" + output));
        return Json.createReader(new StringReader(seen)).readObject();
    }

    private String endpoint() {
        // localhost, as a local agent addresses the server (the DNS-rebinding checks allow it)
        return "http://localhost:" + base.getPort() + base.getPath().replaceAll("/$", "") + "/mcp";
    }

    /** Runs a command with Node 22 in the clients' folder; fails with its output unless it exits with 0. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("mcpee.clients.dir", "target/clients")).toAbsolutePath();
        Path bin = dir.resolve("node_modules/.bin");
        assertTrue(Files.isExecutable(bin.resolve("node")), "the MCP clients are not installed in " + dir
                + ": run the tests with Maven (mvn verify), which runs src/test/npm-install.sh");
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, bin.resolve("node").toString());
        ProcessBuilder builder = new ProcessBuilder(resolved).directory(dir.toFile()).redirectErrorStream(true);
        // Node 22 first on the PATH for anything the clients start; the Inspector's catalog kept in target
        builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("MCP_CATALOG_PATH", dir.resolve("inspector-catalog.json").toString());
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        // read while it runs, so that a client writing much never blocks on a full pipe
        var reading = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output lost: " + e + ")";
            }
        });
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command.get(1) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        String output = reading.join();
        System.out.println("  " + command.get(1) + " | " + output.replace("\n", "\n  " + command.get(1) + " | "));
        assertEquals(0, process.exitValue(), command.get(1) + " failed:\n" + output);
        return output;
    }
}
