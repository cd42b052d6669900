package io.mcpee.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Agent tokens for tests, made through the admin API with the deployment's bootstrap admin token. */
final class TestTokens {
    static final String ADMIN = System.getProperty("mcpee.test.admin-token",
            "mcp_00000000000000a1_1111111111111111111111111111111111111111111111111111111111111111");
    static final String[] DEMO_PERMISSIONS = {"customers:read", "customers:write", "customers:delete",
            "articles:read", "articles:write"};
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private TestTokens() {
    }

    /** A new token for {@code owner} with these permissions; returns its plaintext. */
    static String create(URL base, String owner, String... permissions) {
        return createWith(base, ADMIN, owner, permissions);
    }

    /** The same, made with the given admin token. */
    static String createWith(URL base, String admin, String owner, String... permissions) {
        JsonArrayBuilder grants = Json.createArrayBuilder();
        for (String permission : permissions) {
            grants.add(permission);
        }
        String body = Json.createObjectBuilder().add("name", "it " + owner).add("owner", owner)
                .add("permissions", grants).build().toString();
        return adminCall(base, admin, "POST", "tokens", body).getString("secret");
    }

    /** A new token for {@code owner} with its own rate limit ({@code "5/hour"}) and these permissions. */
    static String createLimited(URL base, String owner, String rateLimit, String... permissions) {
        JsonArrayBuilder grants = Json.createArrayBuilder();
        for (String permission : permissions) {
            grants.add(permission);
        }
        String body = Json.createObjectBuilder().add("name", "it " + owner).add("owner", owner)
                .add("permissions", grants).add("rateLimit", rateLimit).build().toString();
        return adminCall(base, ADMIN, "POST", "tokens", body).getString("secret");
    }

    static JsonObject adminCall(URL base, String method, String path, String body) {
        return adminCall(base, ADMIN, method, path, body);
    }

    /** The audit entry of one JSON-RPC request of a user's agents (the newest 500 are searched). */
    static JsonObject auditEntry(URL base, String user, String requestId) {
        return adminCall(base, "GET", "audit?limit=500&user=" + user, null).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(e -> requestId.equals(e.getString("requestId", null)))
                .findFirst().orElseThrow(() -> new AssertionError("no audit entry for request " + requestId));
    }

    /** The body of a GET on the admin API, as text (lists are arrays). */
    static String adminText(URL base, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "")
                    + "/mcp-ee/api/" + path)).header("Authorization", "Bearer " + ADMIN).GET().build();
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of a GET on the admin API that answers an object ({@code audit?user=ada}). */
    static JsonObject adminObject(URL base, String path) {
        return Json.createReader(new StringReader(adminText(base, path))).readObject();
    }

    static JsonObject adminCall(URL base, String admin, String method, String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "")
                            + "/mcp-ee/api/" + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isEmpty() ? Json.createObjectBuilder().build()
                    : Json.createReader(new StringReader(response.body())).readObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
