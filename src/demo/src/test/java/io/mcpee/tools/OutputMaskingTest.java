package io.mcpee.tools;

import io.mcpee.api.McpTool;
import io.mcpee.api.Sensitive;
import io.mcpee.demo.Customer;
import io.mcpee.demo.CustomerPage;
import io.mcpee.demo.CustomerResource;
import io.mcpee.protocol.CallToolResult;
import io.mcpee.protocol.Content;
import io.mcpee.protocol.JsonText;
import io.mcpee.results.ResultMapper;
import io.mcpee.schema.CallerRoles;
import io.mcpee.schema.MetaSchema;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @Sensitive} result properties are masked on the JSON a result is written as, in structured content and
 * text alike, for records and POJOs, nested and in lists, unless the caller holds the role that unmasks them.
 */
class OutputMaskingTest {
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final ResultMapper RESULTS = new ResultMapper(JSONB);
    private static final CallerRoles PII = Set.of("customers:pii")::contains;

    public record Card(String holder, @Sensitive(unlessRole = "cards:pii") String number, @Sensitive String cvv) {
    }

    public record Wallet(String owner, List<Card> cards, Map<String, Card> byLabel, Wallet backup) {
    }

    public record Plain(String name, int count) {
    }

    @Path("wallets")
    @Produces("application/json")
    public static class Resource {
        @GET
        @McpTool(name = "wallet")
        public Wallet wallet() {
            return null;
        }

        @GET
        @Path("cards")
        @McpTool(name = "cards")
        public List<Card> cards() {
            return null;
        }

        @GET
        @Path("any")
        @McpTool(name = "any")
        public Response any() {
            return null;
        }

        @GET
        @Path("plain")
        @McpTool(name = "plain")
        public Plain plain() {
            return null;
        }
    }

    private static final Map<String, ToolDefinition> TOOLS = ToolFactoryTest.tools(Resource.class);
    private static final Map<String, ToolDefinition> CUSTOMERS = ToolFactoryTest.tools(CustomerResource.class);

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static Customer customer(long id, String ssn) {
        Customer customer = new Customer();
        customer.setId(id);
        customer.setName("Ada");
        customer.setEmail("ada@example.com");
        customer.setSsn(ssn);
        customer.setOwner("ada");
        return customer;
    }

    /** The result's structured content, after checking that the text copy is the same JSON. */
    private static JsonObject structured(CallToolResult result) {
        assertFalse(result.isError());
        JsonObject structured = JsonText.parseObject(result.structuredJson());
        String text = ((Content.Text) result.content().get(0)).text();
        if (structured.size() == 1 && structured.containsKey("result")) {
            assertEquals(structured.get("result"), JsonText.parse(text));
        } else {
            assertEquals(structured, JsonText.parseObject(text));
        }
        return structured;
    }

    @Test
    void theDemoSsnIsMaskedUnlessTheCallerHasCustomersPii() throws IOException {
        ToolDefinition retrieve = CUSTOMERS.get("retrieve_customer");
        JsonObject masked = structured(RESULTS.map(retrieve, customer(7, "123-45-6789"), CallerRoles.NONE).result());
        assertEquals("***", masked.getString("ssn"));
        assertEquals("Ada", masked.getString("name"));
        assertEquals(List.of("email", "id", "name", "owner", "ssn"), List.copyOf(masked.keySet()),
                "a masked property keeps its place");
        assertEquals("123-45-6789", structured(RESULTS.map(retrieve, customer(7, "123-45-6789"), PII).result())
                .getString("ssn"));
        assertFalse(structured(RESULTS.map(retrieve, customer(7, null), CallerRoles.NONE).result()).containsKey("ssn"),
                "no value, nothing to mask");
        assertTrue(MetaSchema.accepts(retrieve.tool().outputSchema(), masked));
    }

    @Test
    void listPagesAndResponseEntitiesAreMaskedToo() throws IOException {
        CustomerPage page = new CustomerPage(List.of(customer(1, "111-11-1111"), customer(2, null),
                customer(3, "333-33-3333")), 3);
        ToolDefinition list = CUSTOMERS.get("list_customers");
        JsonObject masked = structured(RESULTS.map(list, page, CallerRoles.NONE).result());
        assertEquals("[\"***\",null,\"***\"]", masked.getJsonArray("items").stream()
                .map(c -> c.asJsonObject().get("ssn")).map(v -> v == null ? "null" : v.toString()).toList()
                .toString().replace(" ", ""));
        assertFalse(masked.toString().contains("111-11-1111"));
        assertTrue(MetaSchema.accepts(list.tool().outputSchema(), masked));
        assertTrue(structured(RESULTS.map(list, page, PII).result()).toString().contains("333-33-3333"));

        // a Response's entity is masked by its own class (JAX-RS is not here to build a Response: the IT does);
        // a GenericEntity by its generic type
        CallToolResult generic = RESULTS.map(TOOLS.get("any"), new GenericEntity<List<Customer>>(
                List.of(customer(5, "555-55-5555"))) { }, CallerRoles.NONE).result();
        assertEquals("***", firstSsn(generic));
        assertEquals("***", firstSsn(RESULTS.map(TOOLS.get("any"), List.of(customer(6, "666-66-6666")),
                CallerRoles.NONE).result()), "a list by the class of its elements");
    }

    /** The ssn of the first customer of a JSON array result without output schema (text only). */
    private static String firstSsn(CallToolResult result) {
        return JsonText.parse(((Content.Text) result.content().get(0)).text()).asJsonArray().getJsonObject(0)
                .getString("ssn");
    }

    @Test
    void nestedListedMappedAndRecursiveValuesAreMaskedByRole() throws IOException {
        Card visa = new Card("Ada", "4111111111111111", "123");
        Wallet wallet = new Wallet("ada", List.of(visa, new Card("Bob", null, "456")), Map.of("main", visa),
                new Wallet("ada", List.of(visa), Map.of(), null));
        ToolDefinition tool = TOOLS.get("wallet");
        JsonObject none = structured(RESULTS.map(tool, wallet, CallerRoles.NONE).result());
        assertEquals(JsonText.parseObject(("{'backup':{'byLabel':{},'cards':[{'cvv':'***','holder':'Ada',"
                + "'number':'***'}],'owner':'ada'},'byLabel':{'main':{'cvv':'***','holder':'Ada','number':'***'}},"
                + "'cards':[{'cvv':'***','holder':'Ada','number':'***'},{'cvv':'***','holder':'Bob'}],'owner':'ada'}")
                .replace('\'', '"')), none);
        JsonObject cardsPii = structured(RESULTS.map(tool, wallet, "cards:pii"::equals).result());
        assertEquals("4111111111111111", cardsPii.getJsonArray("cards").getJsonObject(0).getString("number"));
        assertEquals("***", cardsPii.getJsonArray("cards").getJsonObject(0).getString("cvv"),
                "unlessRole \"\" is masked for everyone");
        assertTrue(MetaSchema.accepts(tool.tool().outputSchema(), none));

        JsonObject wrapped = structured(RESULTS.map(TOOLS.get("cards"), List.of(visa), CallerRoles.NONE).result());
        assertEquals("***", wrapped.getJsonArray("result").getJsonObject(0).getString("number"),
                "non-object JSON is masked before it is wrapped as {result: ...}");
    }

    @Test
    void rolesAreAskedOnceAndUnmarkedResultsAreNotParsedAgain() throws IOException {
        List<String> asked = new ArrayList<>();
        CallerRoles counting = role -> {
            asked.add(role);
            return false;
        };
        List<Customer> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(customer(i, "123-45-67" + (10 + i)));
        }
        RESULTS.map(CUSTOMERS.get("list_customers"), new CustomerPage(many, 50), counting);
        assertEquals(List.of("customers:pii"), asked);

        Plain plain = new Plain("x", 1);
        CallToolResult result = RESULTS.map(TOOLS.get("plain"), plain, role -> {
            throw new AssertionError("a result without sensitive properties asks for no role");
        }).result();
        assertEquals(JSONB.toJson(plain), result.structuredJson());
    }
}
