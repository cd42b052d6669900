package io.mcpee.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS only, as server-config/payara/run.sh sets it up with MCPEE_HTTPS_KEYSTORE: a self-signed certificate made
 * for the test with keytool; the product answers over TLS with Strict-Transport-Security, an MCP client reaches it,
 * and the plain HTTP port never accepts a connection. The keystore's password stays out of the log.
 */
class HttpsIT {
    private static final String PASSWORD = "keystore-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path folder;

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        RunScript.stop(server);
    }

    @Test
    void servesOnlyHttpsWithStrictTransportSecurity() throws Exception {
        Path keystore = selfSignedKeystore();
        int http = RunScript.freePort();
        int https = RunScript.freePort();
        server = RunScript.start(folder, "https", Map.of("MCPEE_HTTP_PORT", String.valueOf(http),
                "MCPEE_HTTPS_PORT", String.valueOf(https), "MCPEE_HTTPS_KEYSTORE", keystore.toString(),
                "MCPEE_HTTPS_KEYSTORE_PASSWORD", PASSWORD));
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore))
                .connectTimeout(Duration.ofSeconds(10)).build();
        String base = "https://localhost:" + https;

        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/mcp-ee/admin/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertEquals("max-age=31536000", page.headers().firstValue("Strict-Transport-Security").orElse(null));

        String admin = Files.readString(folder.resolve("data/admin-token")).strip();
        HttpResponse<String> discover = client.send(HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
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
            assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress("localhost", http), 2000),
                    "the plain HTTP port never opens");
        }
        String log = Files.readString(folder.resolve("payara-https.log"));
        assertFalse(log.contains(PASSWORD), "the keystore password is never logged");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                folder.resolve("data/secrets.properties"))), "it is in a file only the server's user can read");
    }

    /** A PKCS12 keystore with a fresh self-signed certificate for localhost, alias mcpee, as an operator makes one. */
    private Path selfSignedKeystore() throws IOException, InterruptedException {
        Path keystore = folder.resolve("https.p12");
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-alias", "mcpee", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool: " + output);
        return keystore;
    }

    /** A TLS context that trusts the test's own certificate, and nothing else. */
    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
