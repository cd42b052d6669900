package io.mcpee.it;

import io.mcpee.it.leaky.KnownLabel;
import io.mcpee.it.leaky.VaultResource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Known secrets passed through every path a caller has — arguments (by property name, {@code @Sensitive},
 * secret-looking values), error messages an application builds from them (also in exceptions only the server log
 * sees), validation failures, agent-token and JWT credentials in the Authorization header — and then searched for
 * in the audit log, the server's log file ({@code --logtofile}, set for this execution in pom.xml), and every
 * response the caller got: none may appear anywhere.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlantedSecretsIT {
    private static final Path SERVER_LOG = Path.of(System.getProperty("mcpee.test.server-log",
            "target/payara-h2-server.log"));

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar().addClasses(VaultResource.class, VaultResource.Entry.class, KnownLabel.class,
                KnownLabel.Validator.class);
    }

    @Test
    void noPlantedSecretAppearsInTheAuditTheLogOrAResponse() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "");
        // each secret unique to this run, so nothing else could have put it where it is found
        String fakeAgentToken = "mcp_" + run.substring(0, 16) + "_" + (run + run).substring(0, 64);
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ" + run + "In0.c2ln" + run;
        String card = "4111 1111 1111 1111";
        String ssn = "219-09-" + (1000 + Math.floorMod(run.hashCode(), 9000));
        String password = "hunter2-" + run;
        String detail = "detail-token " + fakeAgentToken;
        String owner = "planted-" + run.substring(0, 8);
        String token = TestTokens.create(base, owner, "customers:read", "customers:write");
        List<String> secrets = List.of(token, token.substring(token.lastIndexOf('_') + 1), fakeAgentToken, jwt,
                card, card.replace(" ", ""), ssn, password);

        List<String> responses = new ArrayList<>();
        AuditIT.Session session = AuditIT.Session.open(base, token, "127.0.0.1", "planted", "1");
        int id = 1;
        // arguments: a @Sensitive property, a property named password, secret-looking values
        responses.add(session.call(id++, "create_customer", object(Map.of("customer", Map.of("name",
                "Planted " + run, "email", "planted@example.com", "ssn", ssn)))).toString());
        responses.add(session.call(id++, "list_customers", object(Map.of("q", card))).toString());
        responses.add(session.call(id++, "list_customers", object(Map.of("q", jwt))).toString());
        // validation failures: the schema's (unknown property, bad format), Bean Validation's with the value
        responses.add(session.call(id++, "create_customer", object(Map.of("customer", Map.of("name", "x",
                "email", "planted@example.com", "password", password)))).toString());
        responses.add(session.call(id++, "create_customer", object(Map.of("customer", Map.of("name", "x",
                "email", fakeAgentToken)))).toString());
        responses.add(session.call(id++, "store_entry", object(Map.of("entry", Map.of("label", jwt)))).toString());
        // errors the application words with what it was given, for the caller and for the log only
        responses.add(session.call(id++, "find_entry", object(Map.of("reference", fakeAgentToken))).toString());
        responses.add(session.call(id++, "reject_entry", object(Map.of("note", card))).toString());
        responses.add(session.call(id++, "check_pin", object(Map.of("code", password))).toString());
        JsonObject crashed = session.call(id++, "crash_vault", object(Map.of("detail", detail)));
        assertTrue(crashed.toString().contains("under reference"), crashed.toString());
        responses.add(crashed.toString());
        // the created customer read back by a caller without customers:pii
        responses.add(session.call(id++, "list_customers", object(Map.of("q", "Planted " + run))).toString());
        // the same through the REST door: a @Sensitive property, a secret-looking query, errors that repeat them
        responses.add(rest(token, "POST", "api/customers", Json.createObjectBuilder().add("name", "Door " + run)
                .add("email", "door@example.com").add("ssn", ssn).build().toString(), 201));
        responses.add(rest(token, "GET", "api/customers?q=" + card.replace(" ", "%20"), null, 200));
        responses.add(rest(token, "GET", "api/vault/entries?reference=" + fakeAgentToken, null, 404));
        responses.add(rest(token, "POST", "api/vault/rejections?note=" + card.replace(" ", "%20"), null, 400));
        // credentials that are no good, in the header
        McpHttp anonymous = new McpHttp(base, null);
        for (String credential : List.of(fakeAgentToken, jwt, password)) {
            HttpResponse<String> refused = anonymous.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                    McpHttp.jsonHeaders("Authorization", "Bearer " + credential));
            assertEquals(401, refused.statusCode());
            responses.add(refused.body() + refused.headers().map());
        }

        // the audit log: every entry of this agent (11 tool calls, 4 REST requests), as the audit API gives them
        String audit = TestTokens.adminText(base, "audit?limit=500&user=" + owner);
        assertEquals(15, Json.createReader(new StringReader(audit)).readObject().getJsonArray("items").size(),
                audit);
        assertTrue(audit.contains("crash_vault") && audit.contains("***"), audit);
        // the server log, once its writer has caught up with the last call
        String log = "";
        for (int attempt = 0; attempt < 40 && !log.contains("\"clientName\":\"planted\""); attempt++) {
            Thread.sleep(250);
            log = serverLog();
        }
        assertTrue(log.contains("crash_vault"), "the server log " + SERVER_LOG + "* has this run's audit lines");
        assertTrue(log.contains("java.lang.IllegalStateException: vault crashed while auditing detail-token ***"),
                "the failure is logged, its message redacted");

        for (String secret : secrets) {
            assertFalse(audit.contains(secret), () -> "the audit log contains " + secret);
            assertFalse(log.contains(secret), () -> "the server log contains " + secret);
            for (String response : responses) {
                if (response.contains(secret)) {
                    fail("a response contains " + secret + ": " + response);
                }
            }
        }
    }

    /** An agent's REST request through localhost; the response's status, headers and body as text. */
    private String rest(String token, String method, String path, String body, int expectedStatus)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + base.getPort()
                        + base.getPath().replaceAll("/$", "") + "/" + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), path + ": " + response.body());
        return response.statusCode() + " " + response.headers().map() + " " + response.body();
    }

    /** Payara Micro's --logtofile writes through a JUL file handler, which numbers the file: server.log.0, ... */
    private static String serverLog() throws IOException {
        StringBuilder text = new StringBuilder();
        String prefix = SERVER_LOG.getFileName().toString();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(SERVER_LOG.toAbsolutePath().getParent(),
                file -> file.getFileName().toString().startsWith(prefix))) {
            for (Path file : files) {
                text.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    private static JsonObject object(Map<String, ?> value) {
        return Json.createObjectBuilder(value).build();
    }
}
