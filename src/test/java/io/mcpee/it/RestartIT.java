package io.mcpee.it;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's run command keeps its data: start the product with server-config/payara/run.sh (what
 * "mvn package -Prun" runs), write through MCP, stop it, start it again on the same data folder, read it back.
 */
class RestartIT {
    @TempDir
    Path data;

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        int port = freePort();
        URL base = URI.create("http://localhost:" + port + "/").toURL();
        String name = "Survivor " + UUID.randomUUID();

        start(port, "first");
        // first start with no admin: one is made and written to a file only the server's user can read
        Path adminFile = data.resolve("data/admin-token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(adminFile)));
        String admin = Files.readString(adminFile).strip();
        assertTrue(admin.matches("mcp_[0-9a-f]{16}_[0-9a-f]{64}"), "a token of the documented shape");
        String firstLog = Files.readString(data.resolve("payara-first.log"));
        assertTrue(firstLog.contains(adminFile.toAbsolutePath().toString()), "the log says where");
        // run.sh deploys at context root "/": the admin page is served there, publicly, beside the API it calls
        assertAdminPageServed(base);
        String token = TestTokens.createWith(base, admin, "erin", "customers:read", "customers:write");
        Number id;
        McpSyncClient client = McpClients.connect(base, token);
        try {
            McpSchema.CallToolResult created = McpClients.call(client, "create_customer",
                    Map.of("customer", Map.of("name", name, "phone", "+1 555 0100")));
            assertFalse(created.isError(), () -> McpClients.text(created));
            id = (Number) McpClients.structured(created).get("id");
        } finally {
            client.closeGracefully();
        }
        stop();
        Files.delete(adminFile);

        start(port, "second");
        assertFalse(Files.exists(adminFile), "an admin token exists, so none is made again");
        // the token outlives the restart too
        client = McpClients.connect(base, token);
        try {
            McpSchema.CallToolResult retrieved = McpClients.call(client, "retrieve_customer", Map.of("id", id));
            assertFalse(retrieved.isError(), () -> McpClients.text(retrieved));
            assertEquals(name, McpClients.structured(retrieved).get("name"));
        } finally {
            client.closeGracefully();
        }
        // no secret ever reaches the log
        for (String log : new String[]{"payara-first.log", "payara-second.log"}) {
            String text = Files.readString(data.resolve(log));
            assertFalse(text.contains(admin.substring(admin.lastIndexOf('_') + 1)), log + " shows the admin secret");
            assertFalse(text.contains(token.substring(token.lastIndexOf('_') + 1)), log + " shows the agent secret");
        }
    }

    private void start(int port, String run) throws IOException, InterruptedException {
        Path log = data.resolve("payara-" + run + ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", System.getProperty("mcpee.server-config", "server-config")
                + "/payara/run.sh").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MCPEE_HTTP_PORT", String.valueOf(port));
        builder.environment().put("MCPEE_DATA_DIR", data.resolve("data").toString());
        builder.environment().put("PAYARA_MICRO_JAR", System.getProperty("payara.micro.jar", "target/payara-micro.jar"));
        builder.environment().put("MCPEE_WAR", System.getProperty("mcpee.war", "target/mcp-ee.war"));
        server = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Payara Micro exited: " + Files.readString(log));
            }
            String output = Files.readString(log);
            if (output.contains("Exception while loading the app")) {
                throw new IllegalStateException("deployment failed: " + output);
            }
            if (output.contains(" ready in ")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara Micro did not start in 4 minutes: " + Files.readString(log));
    }

    private static void assertAdminPageServed(URL base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String path : new String[] {"admin/", "admin/admin.js", "admin/admin.css"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "GET /" + path + ": " + response.body());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
