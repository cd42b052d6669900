package io.mcpee.it;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server set up for HTTPS only from server-config/, checked with a self-signed certificate made for the test as
 * an operator makes one (keytool, PKCS12, alias mcpee): what every server must show.
 */
final class SelfSignedHttps {
    final String password = "keystore-" + Long.toHexString(System.nanoTime());
    final Path keystore;

    /** Makes the keystore in {@code folder}: a fresh certificate for localhost and 127.0.0.1. */
    SelfSignedHttps(Path folder) throws IOException, InterruptedException {
        keystore = folder.resolve("https.p12");
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-alias", "mcpee", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", password, "-keypass", password))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool: " + output);
    }

    /**
     * The server at {@code base} answers over TLS with this certificate and Strict-Transport-Security, an MCP
     * client reaches it with an agent credential, its plain HTTP port accepts no connection, and its logs never
     * hold the keystore's password.
     */
    void assertServesOnlyHttps(URI base, String host, int plainPort, String adminToken, List<Path> logs)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting())
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(base.resolve("mcp-ee/admin/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertEquals("max-age=31536000", page.headers().firstValue("Strict-Transport-Security").orElse(null));

        HttpResponse<String> discover = client.send(HttpRequest.newBuilder(base.resolve("mcp"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .header("Accept", McpHttp.JSON_AND_SSE).header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "server/discover")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\","
                        + "\"params\":{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                        + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, discover.statusCode(), discover.body());
        assertTrue(discover.body().contains("\"supportedVersions\""), discover.body());
        assertTrue(discover.headers().firstValue("Strict-Transport-Security").isPresent(), "on MCP answers too");

        try (Socket socket = new Socket()) {
            assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress(host, plainPort), 2000),
                    "the plain HTTP port never opens");
        }
        for (Path log : logs) {
            assertFalse(Files.readString(log).contains(password), "the keystore password is not in " + log);
        }
    }

    /** A TLS context that trusts the test's own certificate, and nothing else. */
    private SSLContext trusting() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
