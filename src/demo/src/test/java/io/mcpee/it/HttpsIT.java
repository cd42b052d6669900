package io.mcpee.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HTTPS only on Payara Micro, as server-config/payara/run.sh sets it up with MCPEE_HTTPS_KEYSTORE, checked with a
 * self-signed certificate ({@link SelfSignedHttps}); WildFlyHttpsIT does the same for WildFly.
 */
class HttpsIT {
    @TempDir
    Path folder;

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        RunScript.stop(server);
    }

    @Test
    void payaraMicroServesOnlyHttpsWithStrictTransportSecurity() throws Exception {
        SelfSignedHttps https = new SelfSignedHttps(folder);
        int plain = RunScript.freePort();
        int secure = RunScript.freePort();
        server = RunScript.start(folder, "https", Map.of("MCPEE_HTTP_PORT", String.valueOf(plain),
                "MCPEE_HTTPS_PORT", String.valueOf(secure), "MCPEE_HTTPS_KEYSTORE", https.keystore.toString(),
                "MCPEE_HTTPS_KEYSTORE_PASSWORD", https.password));
        String admin = Files.readString(folder.resolve("data/admin-token")).strip();
        https.assertServesOnlyHttps(URI.create("https://localhost:" + secure + "/"), "localhost", plain, admin,
                List.of(folder.resolve("payara-https.log")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                folder.resolve("data/secrets.properties"))), "the password is in a file only the server's user reads");
    }
}
