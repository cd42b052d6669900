package io.mcpee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token cache on PostgreSQL (execution "payara-postgresql", whose deployment keeps a token at most 2 s:
 * {@code mcpee.tokens.cache.ttl=PT2S}): a change through the admin API takes effect on the next request, whatever
 * was cached; expiry is exact; a change written to the database behind the server's back is not seen at once (the
 * token is served from the cache) and is seen within the TTL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenCacheIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @Test
    void everyAdminChangeTakesEffectOnTheNextRequest() throws Exception {
        String owner = "cache-" + UUID.randomUUID().toString().substring(0, 8);
        Issued token = issue(Json.createObjectBuilder().add("name", "cached").add("owner", owner)
                .add("permissions", Json.createArrayBuilder().add("customers:read")));
        assertEquals(200, read(token.secret()));
        patch(token.id(), "{\"active\":false}");
        assertEquals(401, read(token.secret()), "deactivated");
        patch(token.id(), "{\"active\":true}");
        assertEquals(200, read(token.secret()), "activated");
        patch(token.id(), "{\"permissions\":[]}");
        assertEquals(403, read(token.secret()), "its grant taken");
        patch(token.id(), "{\"permissions\":[\"customers:read\"]}");
        assertEquals(200, read(token.secret()), "its grant given back");
        String renewed = TestTokens.adminCall(base, "POST", "tokens/" + token.id() + "/regenerate", null)
                .getString("secret");
        assertEquals(401, read(token.secret()), "the old secret, regenerated");
        assertEquals(200, read(renewed));

        String group = "cache-readers-" + UUID.randomUUID().toString().substring(0, 8);
        long groupId = TestTokens.adminCall(base, "POST", "token-groups", Json.createObjectBuilder().add("name", group)
                .add("permissions", Json.createArrayBuilder().add("customers:read")).build().toString())
                .getJsonNumber("id").longValue();
        Issued member = issue(Json.createObjectBuilder().add("name", "member").add("owner", owner)
                .add("groups", Json.createArrayBuilder().add(group)));
        assertEquals(200, read(member.secret()));
        TestTokens.adminCall(base, "DELETE", "token-groups/" + groupId, null);
        assertEquals(403, read(member.secret()), "its group deleted");

        TestTokens.adminCall(base, "DELETE", "tokens/" + token.id(), null);
        assertEquals(401, read(renewed), "deleted");
    }

    @Test
    void expiryIsExact() throws Exception {
        Instant expiresAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        Issued token = issue(Json.createObjectBuilder().add("name", "short-lived").add("owner", "cache-expiry")
                .add("expiresAt", expiresAt.toString())
                .add("permissions", Json.createArrayBuilder().add("customers:read")));
        assertEquals(200, read(token.secret()));
        sleepUntil(expiresAt.minusMillis(700));
        assertEquals(200, read(token.secret()), "still valid just before its expiry");
        sleepUntil(expiresAt.plusMillis(50));
        assertEquals(401, read(token.secret()), "refused from its expiry on, cached or not");
    }

    @Test
    void aChangeBehindTheServersBackIsSeenWithinTheTtl() throws Exception {
        Issued token = issue(Json.createObjectBuilder().add("name", "behind").add("owner", "cache-behind")
                .add("permissions", Json.createArrayBuilder().add("customers:read")));
        assertEquals(200, read(token.secret()));
        try (Connection db = TestDatabase.connect(); PreparedStatement update = db.prepareStatement(
                "UPDATE mcpee_store.mcpee_agent_token SET active = FALSE WHERE id = ?")) {
            update.setLong(1, token.id());
            assertEquals(1, update.executeUpdate());
        }
        long changed = System.nanoTime();
        assertEquals(200, read(token.secret()), "served from the cache: no query per request");
        int status = 200;
        while (status == 200 && System.nanoTime() - changed < Duration.ofSeconds(6).toNanos()) {
            Thread.sleep(100);
            status = read(token.secret());
        }
        long seenAfter = Duration.ofNanos(System.nanoTime() - changed).toMillis();
        assertEquals(401, status);
        assertTrue(seenAfter <= 2_600, "seen within the 2 s TTL (and a request's time): " + seenAfter + " ms");
    }

    // ---------------------------------------------------------------------------------------------------------

    private record Issued(long id, String secret) {
    }

    private Issued issue(jakarta.json.JsonObjectBuilder body) {
        JsonObject issued = TestTokens.adminCall(base, "POST", "tokens", body.build().toString());
        return new Issued(issued.getJsonObject("token").getJsonNumber("id").longValue(), issued.getString("secret"));
    }

    private void patch(long id, String body) {
        TestTokens.adminCall(base, "PATCH", "tokens/" + id, body);
    }

    /** The status of an agent's REST read with this token. */
    private int read(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/customers?limit=1"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
