package io.mcpee.tools;

import io.mcpee.api.McpTool;
import io.mcpee.protocol.Tool;
import io.mcpee.schema.SchemaGenerator;
import io.mcpee.schema.SchemaValidator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Classes used inside other classes go to {@code $defs} (as JSON Schema 2020-12 and the MCP conformance suite's
 * json-schema-2020-12 scenario expect); the validator follows the references.
 */
class SchemaDefinitionsTest {

    public record Address(@NotBlank String street, String city) {
    }

    public record Contact(@NotBlank String name, @Valid Address address, @Valid Address billing) {
    }

    /** A type that contains itself. */
    public record Category(String name, List<Category> children) {
    }

    public record Contacts(List<Contact> items, long total) {
    }

    /** Another class named Address, used beside the first one. */
    public static final class Other {
        public record Address(String line) {
        }
    }

    public record Shipment(SchemaDefinitionsTest.Address from, Other.Address to) {
    }

    @Path("contacts")
    @Produces("application/json")
    @Consumes("application/json")
    public static class Resource {
        @POST
        public Contact create(@NotNull @Valid Contact contact) {
            return contact;
        }

        @GET
        public Contacts list() {
            return null;
        }

        @POST
        @Path("categories")
        @McpTool(name = "categorize")
        public Category categorize(Category category) {
            return category;
        }

        @POST
        @Path("shipments")
        @McpTool(name = "ship")
        public void ship(Shipment shipment) {
        }
    }

    private static final Map<String, Tool> TOOLS = ToolCatalog.build(List.of(Resource.class),
                    ToolFilter.of(List.of(), List.of())).catalog().tools().stream()
            .map(ToolDefinition::tool).collect(Collectors.toMap(Tool::name, Function.identity()));

    @Test
    void aNestedClassIsDefinedOnceAndReferenced() {
        JsonObject input = TOOLS.get("create_contact").inputSchema();
        assertEquals(SchemaGenerator.DIALECT, input.getString("$schema"));
        assertFalse(input.getBoolean("additionalProperties"));
        JsonObject contact = input.getJsonObject("properties").getJsonObject("contact");
        assertEquals("object", contact.getString("type"), "the argument's own class is inline");
        JsonObject properties = contact.getJsonObject("properties");
        assertEquals("#/$defs/address", properties.getJsonObject("address").getString("$ref"));
        assertEquals("#/$defs/address", properties.getJsonObject("billing").getString("$ref"));
        JsonObject address = input.getJsonObject("$defs").getJsonObject("address");
        assertEquals("object", address.getString("type"));
        assertEquals(List.of("street"), address.getJsonArray("required").getValuesAs(
                jakarta.json.JsonString::getString));
        assertEquals(1, input.getJsonObject("$defs").size());
    }

    @Test
    void aSchemaWithoutNestedClassesHasNoDefs() {
        Tool tool = TOOLS.get("create_contact");
        assertNull(TOOLS.get("list_contacts").inputSchema().get("$defs"));
        assertTrue(tool.outputSchema().containsKey("$defs"));
    }

    @Test
    void aTypeThatContainsItselfRefersToItsOwnDefinition() {
        JsonObject input = TOOLS.get("categorize").inputSchema();
        JsonObject category = input.getJsonObject("properties").getJsonObject("category");
        assertEquals("#/$defs/category", category.getJsonObject("properties").getJsonObject("children")
                .getJsonObject("items").getString("$ref"));
        JsonObject definition = input.getJsonObject("$defs").getJsonObject("category");
        assertEquals("#/$defs/category", definition.getJsonObject("properties").getJsonObject("children")
                .getJsonObject("items").getString("$ref"));
    }

    @Test
    void outputSchemasCarryTheirDefinitions() {
        JsonObject output = TOOLS.get("list_contacts").outputSchema();
        assertEquals("#/$defs/contact", output.getJsonObject("properties").getJsonObject("items")
                .getJsonObject("items").getString("$ref"));
        assertEquals(List.of("address", "contact").stream().sorted().toList(),
                output.getJsonObject("$defs").keySet().stream().sorted().toList());
    }

    @Test
    void classesOfTheSameSimpleNameGetDistinctDefinitions() {
        JsonObject input = TOOLS.get("ship").inputSchema();
        JsonObject shipment = input.getJsonObject("properties").getJsonObject("shipment").getJsonObject("properties");
        assertEquals("#/$defs/address", shipment.getJsonObject("from").getString("$ref"));
        assertEquals("#/$defs/address2", shipment.getJsonObject("to").getString("$ref"));
        assertTrue(input.getJsonObject("$defs").getJsonObject("address2").getJsonObject("properties")
                .containsKey("line"));
    }

    @Test
    void theValidatorFollowsReferences() {
        JsonObject input = TOOLS.get("create_contact").inputSchema();
        assertEquals(List.of(), SchemaValidator.validate(input, json(
                "{'contact':{'name':'Ada','address':{'street':'1 Main St','city':'London'}}}")));
        assertEquals(List.of("contact.address.street: is required",
                        "contact.billing.city: expected a string, got the number 7"),
                SchemaValidator.validate(input, json(
                        "{'contact':{'name':'Ada','address':{'city':'London'},'billing':{'street':'x','city':7}}}")));
        assertEquals(List.of("contact.address: expected an object, got a string"),
                SchemaValidator.validate(input, json("{'contact':{'name':'Ada','address':'London'}}")));
    }

    @Test
    void theValidatorFollowsRecursiveReferences() {
        JsonObject input = TOOLS.get("categorize").inputSchema();
        assertEquals(List.of("category.children[0].children[0].name: expected a string, got the number 1"),
                SchemaValidator.validate(input, json(
                        "{'category':{'name':'a','children':[{'name':'b','children':[{'name':1}]}]}}")));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new java.io.StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }
}
