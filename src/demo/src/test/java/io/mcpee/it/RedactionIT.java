package io.mcpee.it;

import io.mcpee.it.leaky.KnownLabel;
import io.mcpee.it.leaky.VaultResource;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mcpee.it.McpClients.call;
import static io.mcpee.it.McpClients.structured;
import static io.mcpee.it.McpClients.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redaction end to end on Payara: the demo's {@code @Sensitive} ssn is masked in tool results for callers without
 * customers:pii (REST is unchanged); read-only fields are refused in arguments; secrets planted in arguments that
 * an application repeats in its error messages do not come back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedactionIT {
    private static final String SSN = "078-05-1120";
    private static final String AGENT_TOKEN = "mcp_0123456789abcdef_" + "0123456789abcdef".repeat(4);
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    private static final String CARD = "4111 1111 1111 1111";
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
    @SuppressWarnings("unchecked")
    void theSsnIsMaskedForCallersWithoutCustomersPii() throws Exception {
        String plainToken = TestTokens.create(base, "pia", "customers:read", "customers:write");
        String piiToken = TestTokens.create(base, "pia", "customers:read", "customers:pii");
        McpSyncClient plain = McpClients.connect(base, plainToken);
        McpSyncClient pii = McpClients.connect(base, piiToken);
        try {
            String name = "Pia " + UUID.randomUUID();
            McpSchema.CallToolResult created = call(plain, "create_customer",
                    Map.of("customer", Map.of("name", name, "phone", "1", "ssn", SSN)));
            assertFalse(created.isError(), () -> text(created));
            assertEquals("***", structured(created).get("ssn"), "the created customer, a Response's entity");
            assertFalse(text(created).contains(SSN), text(created));
            Number id = (Number) structured(created).get("id");

            McpSchema.CallToolResult retrieved = call(plain, "retrieve_customer", Map.of("id", id));
            assertEquals("***", structured(retrieved).get("ssn"));
            assertEquals(name, structured(retrieved).get("name"));
            assertTrue(text(retrieved).contains("\"ssn\":\"***\""), text(retrieved));
            assertFalse(text(retrieved).contains(SSN), text(retrieved));

            McpSchema.CallToolResult listed = call(plain, "list_customers", Map.of("q", name.substring(4)));
            List<Map<String, Object>> items = (List<Map<String, Object>>) structured(listed).get("items");
            assertEquals(1, items.size());
            assertEquals("***", items.get(0).get("ssn"));
            assertTrue(text(listed).contains("\"ssn\":\"***\""), text(listed));
            assertFalse(text(listed).contains(SSN), text(listed));

            McpSchema.CallToolResult seen = call(pii, "retrieve_customer", Map.of("id", id));
            assertEquals(SSN, structured(seen).get("ssn"));
            assertTrue(text(seen).contains("\"ssn\":\"" + SSN + "\""), text(seen));
            McpSchema.CallToolResult seenInList = call(pii, "list_customers", Map.of("q", name.substring(4)));
            assertEquals(SSN, ((List<Map<String, Object>>) structured(seenInList).get("items")).get(0).get("ssn"));
            assertTrue(text(seenInList).contains(SSN), text(seenInList));

            // the REST door masks the same property for the same agent: no way around the tool's masking
            HttpResponse<String> rest = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/customers/" + id))
                    .header("Authorization", "Bearer " + plainToken).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, rest.statusCode());
            assertTrue(rest.body().contains("\"ssn\":\"***\""), rest.body());
            assertFalse(rest.body().contains(SSN), rest.body());
            HttpResponse<String> restSeen = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/customers/" + id))
                    .header("Authorization", "Bearer " + piiToken).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(restSeen.body().contains(SSN), restSeen.body());
        } finally {
            plain.closeGracefully();
            pii.closeGracefully();
        }
    }

    @Test
    void settingAReadOnlyFieldIsRefusedAndChangesNothing() {
        McpSyncClient client = McpClients.connect(base, TestTokens.create(base, "rory", "customers:read",
                "customers:write"));
        try {
            String name = "Rory " + UUID.randomUUID();
            McpSchema.CallToolResult withId = call(client, "create_customer",
                    Map.of("customer", Map.of("name", name, "phone", "1", "id", 424242)));
            assertTrue(withId.isError());
            assertEquals("Invalid arguments for tool create_customer: customer.id: is read-only and cannot be set",
                    text(withId));
            McpSchema.CallToolResult withCreatedAt = call(client, "create_customer", Map.of("customer",
                    Map.of("name", name, "phone", "1", "createdAt", "2020-01-01T00:00:00Z", "owner", "mallory")));
            assertTrue(withCreatedAt.isError());
            assertTrue(text(withCreatedAt).contains("customer.createdAt: is read-only and cannot be set"),
                    text(withCreatedAt));
            assertTrue(text(withCreatedAt).contains("customer.owner: is read-only and cannot be set"),
                    text(withCreatedAt));
            // the schema check names a wrong value, but not a sensitive one
            McpSchema.CallToolResult numericSsn = call(client, "create_customer", Map.of("customer",
                    Map.of("name", name, "phone", "1", "ssn", 123456789, "email", 42424242)));
            assertTrue(text(numericSsn).startsWith("Invalid arguments for tool create_customer: "), text(numericSsn));
            assertTrue(text(numericSsn).contains("customer.email: expected a string, got the number 42424242"),
                    text(numericSsn));
            assertTrue(text(numericSsn).contains("customer.ssn: expected a string, got the number ***"),
                    text(numericSsn));
            McpSchema.CallToolResult search = call(client, "list_customers", Map.of("q", name.substring(5)));
            assertEquals(0, ((Number) structured(search).get("total")).intValue(), "nothing was created");
        } finally {
            client.closeGracefully();
        }
    }

    /**
     * A change Bean Validation refuses only when JPA flushes it, as the call's transaction commits, is the 400 of a
     * constraint violation naming the property (not a 500), and nothing changes.
     */
    @Test
    void aConstraintFoundAtCommitIsAnInvalidArgumentAndChangesNothing() {
        McpSyncClient client = McpClients.connect(base, TestTokens.create(base, "cora", "customers:read",
                "customers:write"));
        try {
            McpSchema.CallToolResult created = call(client, "create_customer",
                    Map.of("customer", Map.of("name", "Cora", "phone", "1")));
            Number id = (Number) structured(created).get("id");
            McpSchema.CallToolResult renamed = call(client, "rename_customer_unchecked", Map.of("id", id,
                    "name", " "));
            assertTrue(renamed.isError());
            assertEquals("HTTP 400 Bad Request: name: must not be blank", text(renamed));
            assertEquals("Cora", structured(call(client, "retrieve_customer", Map.of("id", id))).get("name"));
            assertFalse(call(client, "rename_customer_unchecked", Map.of("id", id, "name", "Cora B")).isError());
            assertEquals("Cora B", structured(call(client, "retrieve_customer", Map.of("id", id))).get("name"));
        } finally {
            client.closeGracefully();
        }
    }

    /** A failure nothing maps gets the web application's fixed error body, for PUT and PATCH as for GET. */
    @Test
    void unmappedRestFailuresNameNoClassWhateverTheMethod() throws Exception {
        String token = TestTokens.create(base, "otto", "customers:read");
        for (String method : List.of("PUT", "PATCH")) {
            HttpResponse<String> crashed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "api/vault/crash")).header("Authorization", "Bearer " + token)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, crashed.statusCode(), method + ": " + crashed.body());
            assertEquals("Internal Server Error", Json.createReader(new StringReader(crashed.body())).readObject()
                    .getString("error"), method);
            assertFalse(crashed.body().contains("Exception") || crashed.body().contains("io.mcpee"), crashed.body());
        }
    }

    @Test
    void secretsPlantedInArgumentsDoNotComeBackInErrorMessages() {
        McpSyncClient client = McpClients.connect(base, TestTokens.create(base, "vera", "customers:read"));
        try {
            for (String secret : List.of(AGENT_TOKEN, JWT, CARD)) {
                McpSchema.CallToolResult notFound = call(client, "find_entry", Map.of("reference", secret));
                assertEquals("HTTP 404 Not Found: No entry with reference ***", text(notFound), secret);
                McpSchema.CallToolResult invalid = call(client, "store_entry",
                        Map.of("entry", Map.of("label", "label " + secret)));
                assertEquals("HTTP 400 Bad Request: entry.label: 'label ***' is not a known label", text(invalid),
                        secret);
                McpSchema.CallToolResult rejected = call(client, "reject_entry", Map.of("note", secret));
                assertEquals("HTTP 400 Bad Request: Rejected: ***", text(rejected), secret);
                for (McpSchema.CallToolResult result : List.of(notFound, invalid, rejected)) {
                    assertTrue(result.isError());
                    assertFalse(result.toString().contains(secret), result.toString());
                }
            }
            McpSchema.CallToolResult pin = call(client, "check_pin", Map.of("code", "902817"));
            assertEquals("HTTP 400 Bad Request: PIN *** is wrong", text(pin),
                    "a @Sensitive parameter's value is masked wherever a message repeats it");
        } finally {
            client.closeGracefully();
        }
    }
}
