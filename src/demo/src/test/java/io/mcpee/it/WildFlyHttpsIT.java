package io.mcpee.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS only on WildFly, as server-config/wildfly/wildfly.sh sets it up with MCPEE_HTTPS_KEYSTORE (https.cli),
 * checked with a self-signed certificate ({@link SelfSignedHttps}): a second WildFly of its own, beside the one the
 * execution "wildfly-h2" started, from the same distribution ({@code wildfly.home}).
 */
class WildFlyHttpsIT {
    @TempDir
    Path folder;

    @AfterEach
    void stop() throws IOException, InterruptedException {
        wildfly("stop", Map.of());
    }

    @Test
    void wildFlyServesOnlyHttpsWithStrictTransportSecurity() throws Exception {
        SelfSignedHttps https = new SelfSignedHttps(folder);
        Path urlFile = folder.resolve("url.properties");
        // its ports an offset away from the other WildFly's; the next free ones if they are taken
        int plain = 8680;
        Process started = wildfly("start", Map.of("MCPEE_HTTP_PORT", String.valueOf(plain),
                "MCPEE_HTTP_PORT_TRIES", "5", "MCPEE_PROPERTIES_FILE", urlFile.toString(),
                "MCPEE_HTTPS_KEYSTORE", https.keystore.toString(), "MCPEE_HTTPS_KEYSTORE_PASSWORD", https.password));
        assertEquals(0, started.exitValue(), Files.readString(folder.resolve("wildfly.log")));
        Properties url = new Properties();
        url.load(new StringReader(Files.readString(urlFile)));
        URI base = URI.create(url.getProperty("mcpee.wildfly.url"));
        assertEquals("https", base.getScheme());
        // the plain port is the HTTP one of the offset WildFly chose: 8443 + offset is base's, 8080 + offset plain's
        int chosenPlain = base.getPort() - 8443 + 8080;
        String admin = Files.readString(folder.resolve("h2/admin-token")).strip();
        https.assertServesOnlyHttps(base, base.getHost(), chosenPlain, admin, List.of(folder.resolve("wildfly.log"),
                folder.resolve("server/log/server.log"), folder.resolve("server/configuration/standalone-mcpee.xml")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                folder.resolve("server/https.properties"))), "the password is in a file only the server's user reads");
    }

    /** Runs wildfly.sh with this test's own server folder and database; waits for it to return. */
    private Process wildfly(String command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", System.getProperty("mcpee.server-config", "server-config")
                + "/wildfly/wildfly.sh", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("wildfly.log").toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("WILDFLY_HOME", System.getProperty("wildfly.home"));
        builder.environment().put("MCPEE_SERVER_DIR", folder.resolve("server").toString());
        builder.environment().put("MCPEE_DATA_DIR", folder.resolve("h2").toString());
        builder.environment().put("MCPEE_WAR", System.getProperty("mcpee.war", "target/mcp-ee-demo.war"));
        Process process = builder.start();
        assertTrue(process.waitFor(6, TimeUnit.MINUTES), "wildfly.sh " + command + " did not return");
        return process;
    }
}
