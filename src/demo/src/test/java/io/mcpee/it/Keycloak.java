package io.mcpee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real Keycloak with the test realm {@code mcpee} (server-config/keycloak/realm-mcpee.json), shared by every test
 * class of a JVM: {@link #shared()} starts it on first use through server-config/keycloak/start.sh (~60-90 s cold on
 * two cores; the distribution comes from Maven Central through the pom) and a shutdown hook stops it through
 * stop.sh when the JVM ends. Usable from a static {@code @Deployment} method, so an Arquillian test can put
 * {@link #mpJwtConfig()} into the WAR or the server's options before the server starts.
 *
 * <p>System properties (the pom's "keycloak" failsafe execution sets them):
 * <ul>
 *   <li>{@code mcpee.keycloak.url}: use a Keycloak that is already running there (started by hand with start.sh,
 *       for quick reruns); it is neither started nor stopped</li>
 *   <li>{@code mcpee.keycloak.port} (default 8180): the port to start on; when it is taken (another engineer's
 *       Keycloak, say), a free one is chosen and printed: always take addresses from this class</li>
 *   <li>{@code mcpee.keycloak.dir} (default target/keycloak): working folder with the distribution zip</li>
 *   <li>{@code mcpee.keycloak.zip}: the distribution zip, when it is not in that folder</li>
 *   <li>{@code mcpee.server-config} (default server-config): where start.sh and stop.sh are</li>
 * </ul>
 * The realm's clients (test secrets, public on purpose: see server-config/keycloak/README.md):
 * {@link #CRM_AGENT} gets audience {@link #AUDIENCE} and group {@code customers:read}; {@link #OTHER_AGENT} gets
 * the same group but audience {@code other-service}.
 */
final class Keycloak {
    static final String REALM = "mcpee";
    static final String AUDIENCE = "mcp-ee";
    static final String CRM_AGENT = "crm-agent";
    static final String CRM_AGENT_SECRET = "crm-agent-test-secret";
    static final String OTHER_AGENT = "other-agent";
    static final String OTHER_AGENT_SECRET = "other-agent-test-secret";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private static Keycloak shared;

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Keycloak(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** The JVM's Keycloak, started on first call (blocking until it issues tokens). */
    static synchronized Keycloak shared() {
        if (shared == null) {
            String external = System.getProperty("mcpee.keycloak.url", "").strip();
            shared = external.isEmpty() ? start() : new Keycloak(external);
        }
        return shared;
    }

    /** e.g. http://127.0.0.1:8180 (127.0.0.1, never localhost: in dev mode the token's iss follows the host). */
    String baseUrl() {
        return baseUrl;
    }

    String issuer() {
        return baseUrl + "/realms/" + REALM;
    }

    String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /**
     * The standard MicroProfile JWT keys that make a verifier (ours, or a server's MP-JWT) accept this realm's
     * tokens for audience {@link #AUDIENCE}.
     */
    Map<String, String> mpJwtConfig() {
        return Map.of(
                "mp.jwt.verify.publickey.location", jwksUrl(),
                "mp.jwt.verify.issuer", issuer(),
                "mp.jwt.verify.audiences", AUDIENCE);
    }

    /** {@link #mpJwtConfig()} as the lookup {@code JwtVerifier.fromConfig} takes. */
    Function<String, Optional<String>> mpJwtLookup() {
        Map<String, String> config = mpJwtConfig();
        return key -> Optional.ofNullable(config.get(key));
    }

    /** A fresh access token (lifetime 300 s, no refresh token) from the client_credentials grant. */
    String clientCredentialsToken(String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token to " + clientId + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                JsonObject body = reader.readObject();
                return body.getString("access_token");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no token from " + tokenEndpoint(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Keycloak start() {
        Path scripts = Path.of(System.getProperty("mcpee.server-config", "server-config"), "keycloak")
                .toAbsolutePath();
        Path dir = Path.of(System.getProperty("mcpee.keycloak.dir", "target/keycloak")).toAbsolutePath();
        int port = port(Integer.getInteger("mcpee.keycloak.port", 8180));
        Path log = dir.resolve("start.log");
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder("bash", scripts.resolve("start.sh").toString(),
                    dir.toString(), String.valueOf(port)).redirectErrorStream(true).redirectOutput(log.toFile());
            String zip = System.getProperty("mcpee.keycloak.zip", "").strip();
            if (!zip.isEmpty()) {
                builder.environment().put("KEYCLOAK_ZIP", zip);
            }
            long started = System.nanoTime();
            System.out.println("keycloak: starting on 127.0.0.1:" + port + " in " + dir + " (cold start ~60-90 s)");
            Process process = builder.start();
            // registered before waiting: if start.sh times out, it stops Keycloak itself; if this JVM is ended
            // while we wait, the hook still stops whatever start.sh has started
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(scripts, dir), "keycloak-stop"));
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroy();
                throw new IllegalStateException("start.sh did not finish in " + START_TIMEOUT + "; see " + log);
            }
            String output = Files.readString(log);
            System.out.print(output.lines().map(line -> "keycloak: " + line + "\n").reduce("", String::concat));
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Keycloak did not start (start.sh exit " + process.exitValue()
                        + "); its output is above, Keycloak's log is " + dir.resolve("keycloak.log"));
            }
            System.out.printf("keycloak: ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
            return new Keycloak("http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + scripts.resolve("start.sh"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stop(Path scripts, Path dir) {
        try {
            // to a file: at JVM exit the test runner no longer reads this process's output
            Process process = new ProcessBuilder("bash", scripts.resolve("stop.sh").toString(), dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stop.log").toFile()).start();
            process.waitFor(40, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.err.println("keycloak: stop.sh failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The preferred port when it is free on 127.0.0.1, else any free one. */
    private static int port(int preferred) {
        for (int candidate : List.of(preferred, 0)) {
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                if (candidate != preferred) {
                    System.out.println("keycloak: port " + preferred + " is taken; using " + socket.getLocalPort());
                }
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try the next
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
