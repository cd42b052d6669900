package io.mcpee.schema;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaGeneratorTest {

    /** A root input schema with its $defs, as tools carry them. */
    private static JsonObject input(Class<?> type) {
        SchemaGenerator generator = SchemaGenerator.forInput();
        return generator.withDefinitions(generator.schemaOf(type, List.of(), null));
    }

    private static JsonObject output(Class<?> type) {
        SchemaGenerator generator = SchemaGenerator.forOutput();
        return generator.withDefinitions(generator.typeSchema(type));
    }

    /** Follows a {@code #/$defs/...} reference within {@code root}. */
    private static JsonObject resolve(JsonObject root, JsonObject schema) {
        if (!schema.containsKey("$ref")) {
            return schema;
        }
        String name = schema.getString("$ref").substring(SchemaGenerator.DEFS_POINTER.length());
        return root.getJsonObject("$defs").getJsonObject(name);
    }

    @Test
    void recordsBecomeObjectsByTheirJsonbNames() {
        JsonObject order = input(Fixtures.Order.class);
        assertEquals("object", order.getString("type"));
        JsonObject properties = order.getJsonObject("properties");
        assertEquals(List.of("addresses", "colour", "contact", "counts", "due", "id", "lines", "note", "placedAt",
                "price", "quantity", "tags"), List.copyOf(properties.keySet()));
        assertFalse(properties.containsKey("internal"), "@JsonbTransient is left out");
        assertEquals(List.of("id", "lines"), order.getJsonArray("required").getValuesAs(
                jakarta.json.JsonString::getString));
    }

    @Test
    void typesMapToJsonSchemaTypesAndFormats() {
        JsonObject root = input(Fixtures.Order.class);
        JsonObject p = root.getJsonObject("properties");
        assertEquals("uuid", p.getJsonObject("id").getString("format"));
        assertEquals("date-time", p.getJsonObject("placedAt").getString("format"));
        assertEquals("date", p.getJsonObject("due").getString("format"));
        assertEquals("number", p.getJsonObject("price").getString("type"));
        assertEquals("[\"RED\",\"GREEN\"]", p.getJsonObject("colour").getJsonArray("enum").toString());
        assertEquals("string", p.getJsonObject("note").getString("type"), "Optional<String> is a string");
        assertTrue(p.getJsonObject("tags").getBoolean("uniqueItems"));
        assertEquals("{\"type\":\"integer\",\"minimum\":-2147483648,\"maximum\":2147483647}",
                p.getJsonObject("counts").getJsonObject("additionalProperties").toString());
        JsonObject address = resolve(root, p.getJsonObject("addresses").getJsonObject("items"));
        assertEquals("A postal address", address.getString("description"));
        assertTrue(address.getJsonObject("properties").containsKey("zip"), "@JsonbProperty renames");
    }

    @Test
    void beanValidationBecomesKeywords() {
        JsonObject root = input(Fixtures.Order.class);
        JsonObject p = root.getJsonObject("properties");
        assertEquals(0, p.getJsonObject("quantity").getInt("exclusiveMinimum"));
        assertEquals("0.01", p.getJsonObject("price").getJsonNumber("minimum").toString());
        assertEquals("email", p.getJsonObject("contact").getString("format"));
        assertEquals(1, p.getJsonObject("lines").getInt("minItems"));
        JsonObject country = resolve(root, p.getJsonObject("addresses").getJsonObject("items"))
                .getJsonObject("properties").getJsonObject("country");
        assertEquals(2, country.getInt("minLength"));
        assertEquals(2, country.getInt("maxLength"));
    }

    @Test
    void pojosFollowAccessorsPerDirection() {
        JsonObject in = input(Fixtures.Pojo.class).getJsonObject("properties");
        assertEquals(List.of("id", "name", "visible"), List.copyOf(in.keySet()),
                "no setter, no input; @JsonbTransient never");
        assertEquals(10, in.getJsonObject("name").getInt("maxLength"));
        JsonObject out = output(Fixtures.Pojo.class).getJsonObject("properties");
        assertEquals(List.of("computed", "id", "name", "visible"), List.copyOf(out.keySet()));
        assertFalse(out.getJsonObject("name").containsKey("maxLength"), "outputs are described, not constrained");
    }

    @Test
    void recursiveTypesReferToThemselves() {
        JsonObject node = input(Fixtures.Node.class);
        JsonObject child = node.getJsonObject("properties").getJsonObject("children").getJsonObject("items");
        assertEquals("{\"$ref\":\"#/$defs/node\"}", child.toString());
        assertEquals(List.of("children", "label"),
                List.copyOf(resolve(node, child).getJsonObject("properties").keySet()));
    }

    @Test
    void everyGeneratedSchemaIsValid2020_12() {
        for (Class<?> type : List.of(Fixtures.Order.class, Fixtures.Pojo.class, Fixtures.Node.class,
                Fixtures.Address.class)) {
            assertEquals(List.of(), MetaSchema.problems(input(type)), type.getName());
            assertEquals(List.of(), MetaSchema.problems(output(type)), type.getName());
        }
    }
}
