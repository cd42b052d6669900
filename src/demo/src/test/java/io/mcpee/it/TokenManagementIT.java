package io.mcpee.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may manage which agent tokens (issue: an agent token could take over its owner's other tokens). A generated
 * matrix runs every admin operation as five callers — the admin token, a managing token ({@code mcp-tokens}), a
 * plain agent token, a person signed in through the SSO (a JWT) and another owner's managing token — against
 * fresh target tokens, and checks each answer against the rules as the README states them, that a refused call
 * changed nothing, and that every change (refused ones too) has its audit entry.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenManagementIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final String ISSUER = "https://sso.it.example";
    private static final RSAKey SSO_KEY = ssoKey();
    private static final Set<String> MANAGER_GRANTS = Set.of("mcp-tokens", "customers:read", "customers:write");
    private static final Set<String> PERSON_GRANTS = Set.of("customers:read", "customers:write");

    @ArquillianResource
    URL base;

    /** The product, accepting JWTs signed by this test's SSO key (the enterprise IdP of a real deployment). */
    @Deployment(testable = false)
    static WebArchive deployment() {
        String config = "mcpee.server.version=test\n"
                + "mp.jwt.verify.publickey=" + new JWKSet(SSO_KEY.toPublicJWK()) + "\n"
                + "mp.jwt.verify.issuer=" + ISSUER + "\n"
                + "mp.jwt.verify.audiences=mcp-ee\n";
        return Deployments.productWar().addAsResource(new StringAsset(config),
                "META-INF/microprofile-config.properties");
    }

    private static RSAKey ssoKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("it-sso").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person's access token from the SSO: user {@code user}, these groups, ten minutes. */
    private static String personJwt(String user, Set<String> groups) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience("mcp-ee").subject(user + "-sub")
                    .claim("upn", user).claim("groups", List.copyOf(groups))
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("it-sso").build(), claims);
            jwt.sign(new RSASSASigner(SSO_KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the callers -----------------------------------------------------------------------------------------

    /**
     * A caller of the admin API, with what the rules need to know of it: the user it is or acts for, what it holds,
     * whether it is an admin, a token (bounded by its own expiry) or a person, and whether it may manage at all.
     */
    private record Caller(String label, String bearer, String user, Set<String> held, boolean admin,
                          Instant notAfter, boolean manages) {
        /** Whether this caller may see and change the target (the README's rule). */
        boolean mayManage(Target target) {
            if (!manages) {
                return false;
            }
            boolean owned = admin || target.owner().equals(user);
            boolean withinRights = admin || held.containsAll(target.permissions());
            boolean withinLife = notAfter == null
                    || target.expiresAt() != null && !target.expiresAt().isAfter(notAfter);
            return owned && withinRights && withinLife;
        }

        boolean mayGrant(Set<String> permissions) {
            return admin || held.containsAll(permissions);
        }
    }

    private record Target(long id, String owner, Set<String> permissions, Instant expiresAt) {
    }

    private Caller admin;
    private Caller manager;
    private Caller plain;
    private Caller person;
    private Caller otherOwner;

    @BeforeEach
    void callers() {
        Instant inTenDays = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        admin = new Caller("admin token", TestTokens.ADMIN, "admin", Set.of("mcp-admin"), true, null, true);
        manager = new Caller("managing token", token("ada", "manager", MANAGER_GRANTS, inTenDays), "ada",
                MANAGER_GRANTS, false, inTenDays, true);
        plain = new Caller("plain agent token", token("ada", "plain", Set.of("customers:read"),
                Instant.now().plus(2, ChronoUnit.DAYS)), "ada", Set.of("customers:read"), false, null, false);
        Set<String> personHeld = new HashSet<>(PERSON_GRANTS);
        personHeld.add("mcp-tokens");
        person = new Caller("person (SSO JWT)", personJwt("ada", PERSON_GRANTS), "ada", personHeld, false, null,
                true);
        otherOwner = new Caller("another owner's managing token", token("bob", "bob's manager", MANAGER_GRANTS,
                inTenDays), "bob", MANAGER_GRANTS, false, inTenDays, true);
    }

    private List<Caller> everyCaller() {
        return List.of(admin, manager, plain, person, otherOwner);
    }

    /** Ada's tokens the operations act on: within the manager's rights and life, beyond its rights, beyond its life. */
    private Target freshTarget(int which) {
        return switch (which) {
            case 0 -> target("reader", Set.of("customers:read"),
                    Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
            case 1 -> target("writer", Set.of("customers:read", "customers:write", "customers:delete"),
                    Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
            default -> target("forever", Set.of("customers:read"), null);
        };
    }

    private Target target(String name, Set<String> permissions, Instant expiresAt) {
        JsonObject created = created(name, "ada", permissions, expiresAt);
        return new Target(created.getJsonNumber("id").longValueExact(), "ada", permissions, expiresAt);
    }

    private String token(String owner, String name, Set<String> permissions, Instant expiresAt) {
        return createdWithSecret(name, owner, permissions, expiresAt).getString("secret");
    }

    private JsonObject created(String name, String owner, Set<String> permissions, Instant expiresAt) {
        return createdWithSecret(name, owner, permissions, expiresAt).getJsonObject("token");
    }

    private JsonObject createdWithSecret(String name, String owner, Set<String> permissions, Instant expiresAt) {
        var body = Json.createObjectBuilder().add("name", name).add("owner", owner)
                .add("permissions", Json.createArrayBuilder(List.copyOf(permissions)));
        if (expiresAt == null) {
            body.add("neverExpires", true);
        } else {
            body.add("expiresAt", expiresAt.toString());
        }
        HttpResponse<String> response = call(TestTokens.ADMIN, "POST", "tokens", body.build().toString());
        assertEquals(201, response.statusCode(), response.body());
        return json(response.body());
    }

    // ---- the matrix ------------------------------------------------------------------------------------------

    /** One admin operation on one target (or none), its expected status for a caller, and its audit action. */
    private record Operation(String label, String method, String path, String body, String auditAction,
                             java.util.function.ToIntFunction<Caller> expected) {
    }

    private List<Operation> operationsOn(Target target) {
        String path = "tokens/" + target.id();
        String later = Instant.now().plus(30, ChronoUnit.DAYS).toString();
        List<Operation> operations = new ArrayList<>();
        operations.add(new Operation("read " + path, "GET", path, null, null,
                c -> refusedOr(c, visible(c, target) ? 200 : 404)));
        operations.add(new Operation("rename " + path, "PATCH", path, "{\"name\":\"renamed\"}", "tokens.update",
                c -> refusedOr(c, visible(c, target) ? 200 : 404)));
        operations.add(new Operation("make " + path + " never expire", "PATCH", path, "{\"neverExpires\":true}",
                "tokens.update",
                c -> refusedOr(c, !visible(c, target) ? 404 : c.notAfter() != null ? 403 : 200)));
        operations.add(new Operation("extend " + path + " by 30 days", "PATCH", path,
                "{\"expiresAt\":\"" + later + "\"}", "tokens.update",
                c -> refusedOr(c, !visible(c, target) ? 404 : c.notAfter() != null ? 403 : 200)));
        operations.add(new Operation("deactivate " + path, "PATCH", path, "{\"active\":false}", "tokens.deactivate",
                c -> refusedOr(c, visible(c, target) ? 200 : 404)));
        operations.add(new Operation("activate " + path, "PATCH", path, "{\"active\":true}", "tokens.activate",
                c -> refusedOr(c, visible(c, target) ? 200 : 404)));
        operations.add(new Operation("regenerate " + path, "POST", path + "/regenerate", null, "tokens.regenerate",
                c -> refusedOr(c, visible(c, target) ? 200 : 404)));
        operations.add(new Operation("delete " + path, "DELETE", path, null, "tokens.delete",
                c -> refusedOr(c, visible(c, target) ? 204 : 404)));
        return operations;
    }

    private static boolean visible(Caller caller, Target target) {
        return caller.mayManage(target);
    }

    /** A plain agent token is refused every token-administration call (403), before its target is looked at. */
    private static int refusedOr(Caller caller, int status) {
        return caller.manages() ? status : 403;
    }

    private List<Operation> creations() {
        String later = Instant.now().plus(30, ChronoUnit.DAYS).toString();
        return List.of(
                new Operation("create an own token with the default lifetime", "POST", "tokens",
                        "{\"name\":\"new\",\"permissions\":[\"customers:read\"]}", "tokens.create",
                        c -> c.manages() ? 201 : 403),
                new Operation("create an own token that never expires", "POST", "tokens",
                        "{\"name\":\"new\",\"permissions\":[\"customers:read\"],\"neverExpires\":true}",
                        "tokens.create", c -> !c.manages() || c.notAfter() != null ? 403 : 201),
                new Operation("create an own token that outlives a ten-day caller", "POST", "tokens",
                        "{\"name\":\"new\",\"permissions\":[\"customers:read\"],\"expiresAt\":\"" + later + "\"}",
                        "tokens.create", c -> !c.manages() || c.notAfter() != null ? 403 : 201),
                new Operation("create an own token with customers:delete", "POST", "tokens",
                        "{\"name\":\"new\",\"permissions\":[\"customers:delete\"]}", "tokens.create",
                        c -> c.manages() && c.mayGrant(Set.of("customers:delete")) ? 201 : 403),
                new Operation("create a token for another user", "POST", "tokens",
                        "{\"name\":\"new\",\"owner\":\"carl\",\"permissions\":[\"customers:read\"]}",
                        "tokens.create", c -> c.manages() && c.admin() ? 201 : 403),
                new Operation("create a token that manages tokens", "POST", "tokens",
                        "{\"name\":\"new\",\"permissions\":[\"mcp-tokens\"]}", "tokens.create",
                        c -> c.manages() ? 201 : 403),
                new Operation("list token groups", "GET", "token-groups", null, null, c -> c.manages() ? 200 : 403),
                new Operation("create a token group", "POST", "token-groups",
                        "{\"name\":\"g-" + System.nanoTime() + "\",\"permissions\":[\"customers:read\"]}",
                        "token-groups.create", c -> c.manages() && c.admin() ? 201 : 403));
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAsEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Caller caller : everyCaller()) {
            for (int index = 0; index < 3; index++) {
                int which = index;
                for (int op = 0; op < 8; op++) {
                    int operation = op;
                    String[] targets = {"a reader (2 days)", "a writer (5 days)", "a reader that never expires"};
                    String[] operations = {"read", "rename", "make never expire", "extend by 30 days",
                        "deactivate", "activate", "regenerate", "delete"};
                    tests.add(DynamicTest.dynamicTest(caller.label() + ": " + operations[op] + " "
                                    + targets[which],
                            () -> {
                                Target target = freshTarget(which);
                                runCase(caller, operationsOn(target).get(operation), target);
                            }));
                }
            }
            for (Operation creation : creations()) {
                tests.add(DynamicTest.dynamicTest(caller.label() + ": " + creation.label(),
                        () -> runCase(caller, creation, null)));
            }
        }
        return tests.stream();
    }

    private void runCase(Caller caller, Operation operation, Target target) throws Exception {
        int expected = operation.expected().applyAsInt(caller);
        String before = everyToken();
        HttpResponse<String> response = call(caller.bearer(), operation.method(), operation.path(), operation.body());
        String what = caller.label() + " → " + operation.label() + ": " + response.body();
        assertEquals(expected, response.statusCode(), what);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                || response.statusCode() == 204, what);
        if (expected >= 400) {
            assertEquals(before, everyToken(), "a refused call changes nothing: " + what);
            assertTrue(json(response.body()).getString("error").length() > 3, what);
        }
        if (operation.auditAction() != null) {
            // every change is recorded, refused ones too: outcome by the status rule of tool calls
            JsonObject entry = newestEntry(caller, operation.auditAction());
            assertEquals("ADMIN", entry.getString("channel"), what);
            assertEquals(expected, entry.getInt("status"), what);
            assertEquals(switch (expected) {
                case 403 -> "DENIED";
                case 400 -> "INVALID";
                case 404 -> "ERROR";
                default -> "SUCCESS";
            }, entry.getString("outcome"), what);
            assertEquals(operation.method(), entry.getString("httpMethod"), what);
            assertTrue(entry.getString("path").endsWith("/mcp-ee/api/" + operation.path()), what);
            if (target != null) {
                assertTrue(entry.getString("target").startsWith("token " + target.id()), what);
            }
            assertFalse(entry.toString().contains("mcp_"), "never a secret in the audit: " + entry);
        }
    }

    /** Every token as an admin sees it, but for its last use (the callers' own tokens are being used). */
    private String everyToken() {
        HttpResponse<String> response = call(TestTokens.ADMIN, "GET", "tokens", null);
        assertEquals(200, response.statusCode(), response.body());
        Map<Long, String> tokens = new TreeMap<>();
        for (JsonValue value : Json.createReader(new StringReader(response.body())).readArray()) {
            JsonObject token = value.asJsonObject();
            tokens.put(token.getJsonNumber("id").longValueExact(),
                    Json.createObjectBuilder(token).remove("lastUsedAt").build().toString());
        }
        HttpResponse<String> groups = call(TestTokens.ADMIN, "GET", "token-groups", null);
        return tokens + groups.body();
    }

    private JsonObject newestEntry(Caller caller, String action) throws Exception {
        String credential = json(call(caller.bearer(), "GET", "me", null).body()).getString("credentialId");
        HttpResponse<String> response = call(TestTokens.ADMIN, "GET", "audit?limit=1&tool=" + action + "&token="
                + URLEncoder.encode(credential, StandardCharsets.UTF_8), null);
        assertEquals(200, response.statusCode(), response.body());
        JsonArray items = json(response.body()).getJsonArray("items");
        assertEquals(1, items.size(), "an audit entry for " + action + " by " + caller.label());
        return items.getJsonObject(0);
    }

    // ---- the escalation the issue reported, step by step --------------------------------------------------------

    @Test
    void aReaderTokenCannotTakeOverItsOwnersOtherTokens() throws Exception {
        Instant inTwoDays = Instant.now().plus(2, ChronoUnit.DAYS);
        String reader = token("ada", "reader", Set.of("customers:read"), inTwoDays);
        JsonObject writerIssued = createdWithSecret("writer", "ada",
                Set.of("customers:read", "customers:write", "customers:delete"), Instant.now().plus(5,
                        ChronoUnit.DAYS));
        long writer = writerIssued.getJsonObject("token").getJsonNumber("id").longValueExact();
        String before = everyToken();

        assertEquals(403, call(reader, "POST", "tokens",
                "{\"name\":\"forever\",\"neverExpires\":true,\"permissions\":[\"customers:read\"]}").statusCode());
        assertEquals(403, call(reader, "POST", "tokens", "{\"name\":\"later\",\"expiresAt\":\""
                + Instant.now().plus(30, ChronoUnit.DAYS) + "\",\"permissions\":[\"customers:read\"]}").statusCode());
        HttpResponse<String> regenerated = call(reader, "POST", "tokens/" + writer + "/regenerate", null);
        assertEquals(403, regenerated.statusCode());
        assertFalse(regenerated.body().contains("mcp_"), regenerated.body());
        assertEquals(403, call(reader, "PATCH", "tokens/" + writer, "{\"neverExpires\":true}").statusCode());
        assertEquals(403, call(reader, "DELETE", "tokens/" + writer, null).statusCode());
        assertEquals(403, call(reader, "GET", "tokens", null).statusCode());
        assertEquals(before, everyToken(), "nothing changed");

        // the writer still works with its own secret, and the reader still cannot delete customers
        String writerSecret = writerIssued.getString("secret");
        HttpResponse<String> customer = rest(writerSecret, "POST", "api/customers",
                "{\"name\":\"Escalation\",\"phone\":\"1\"}");
        assertEquals(201, customer.statusCode(), customer.body());
        long customerId = json(customer.body()).getJsonNumber("id").longValueExact();
        assertEquals(403, rest(reader, "DELETE", "api/customers/" + customerId, null).statusCode());
        assertEquals(204, rest(writerSecret, "DELETE", "api/customers/" + customerId, null).statusCode());
    }

    /** Token groups: only an admin changes them, and each change (or refusal) is in the audit log. */
    @Test
    void groupChangesAreAudited() throws Exception {
        HttpResponse<String> created = call(TestTokens.ADMIN, "POST", "token-groups",
                "{\"name\":\"audited-" + System.nanoTime() + "\",\"permissions\":[\"articles:read\"]}");
        assertEquals(201, created.statusCode(), created.body());
        long id = json(created.body()).getJsonNumber("id").longValueExact();
        assertEquals(403, call(manager.bearer(), "DELETE", "token-groups/" + id, null).statusCode());
        JsonObject refused = newestEntry(manager, "token-groups.delete");
        assertEquals("DENIED", refused.getString("outcome"));
        assertTrue(refused.getString("target").startsWith("token group " + id), refused.toString());
        assertEquals(204, call(TestTokens.ADMIN, "DELETE", "token-groups/" + id, null).statusCode());
        JsonObject deleted = newestEntry(admin, "token-groups.delete");
        assertEquals("SUCCESS", deleted.getString("outcome"));
        assertEquals(204, deleted.getInt("status"));
        assertTrue(deleted.getString("target").startsWith("token group " + id + " \"audited-"), deleted.toString());
        assertEquals(404, call(TestTokens.ADMIN, "DELETE", "token-groups/" + id, null).statusCode());
        assertEquals("ERROR", newestEntry(admin, "token-groups.delete").getString("outcome"));
    }

    /** The page and any client learn at sign-in what a credential may do here. */
    @Test
    void meSaysWhatACredentialMayDo() {
        JsonObject ofPlain = json(call(plain.bearer(), "GET", "me", null).body());
        assertEquals("none", ofPlain.getString("manages"));
        assertFalse(ofPlain.getBoolean("readsAudit"));
        assertEquals("AGENT_TOKEN", ofPlain.getString("credentialKind"));
        assertEquals("own", json(call(manager.bearer(), "GET", "me", null).body()).getString("manages"));
        JsonObject ofPerson = json(call(person.bearer(), "GET", "me", null).body());
        assertEquals("own", ofPerson.getString("manages"));
        assertEquals("JWT", ofPerson.getString("credentialKind"));
        assertEquals("ada", ofPerson.getString("user"));
        JsonObject ofAdmin = json(call(admin.bearer(), "GET", "me", null).body());
        assertEquals("all", ofAdmin.getString("manages"));
        assertTrue(ofAdmin.getBoolean("readsAudit"));
        assertEquals(401, call("mcp_0000000000000000_" + "0".repeat(64), "GET", "me", null).statusCode());
    }

    /** A managing token's new token expires no later than itself, even when it asks for the default lifetime. */
    @Test
    void aTokensTokensDieWithIt() {
        HttpResponse<String> response = call(manager.bearer(), "POST", "tokens",
                "{\"name\":\"child\",\"permissions\":[\"customers:read\"]}");
        assertEquals(201, response.statusCode(), response.body());
        Instant childExpiry = Instant.parse(json(response.body()).getJsonObject("token").getString("expiresAt"));
        assertFalse(childExpiry.isAfter(manager.notAfter()), childExpiry + " after " + manager.notAfter());
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------------

    private HttpResponse<String> call(String bearer, String method, String path, String body) {
        return send(bearer, method, "mcp-ee/api/" + path, body);
    }

    private HttpResponse<String> rest(String bearer, String method, String path, String body) {
        return send(bearer, method, path, body);
    }

    private HttpResponse<String> send(String bearer, String method, String path, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + bearer)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
