package io.mcpee.schema;

import io.mcpee.protocol.JsonText;
import io.mcpee.tools.ToolFactoryTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemaValidatorTest {
    private static final JsonObject WIDGETS = ToolFactoryTest.tools(Fixtures.WidgetResource.class)
            .get("update_widget").tool().inputSchema();

    @Test
    void namesEveryProblemWithPathExpectationAndWhatCame() {
        JsonValue arguments = JsonText.parse("{\"id\":\"x\",\"order\":{\"quantity\":0,\"contact\":\"nope\","
                + "\"colour\":\"BLUE\",\"lines\":[],\"addresses\":[{\"street\":\" \",\"country\":\"GBR\"}]},"
                + "\"extra\":true}");
        // in the order the arguments came
        assertEquals(List.of(
                "id: expected an integer, got a string",
                "order.id: is required",
                "order.quantity: expected a number greater than 0, got 0",
                "order.contact: expected email format, got a string that is not",
                "order.colour: expected one of [\"RED\",\"GREEN\"], got a string",
                "order.lines: expected at least 1 items, got 0",
                "order.addresses[0].street: expected a string matching \\S, got one that does not",
                "order.addresses[0].country: expected at most 2 characters, got 3",
                "extra: is not an accepted argument (accepted: id, order)"),
                SchemaValidator.validate(WIDGETS, arguments));
    }

    @Test
    void acceptsValidArguments() {
        JsonValue arguments = JsonText.parse("{\"id\":5,\"order\":{\"id\":\"" + java.util.UUID.randomUUID()
                + "\",\"quantity\":2,\"lines\":[\"a\"],\"price\":1.5,\"counts\":{\"a\":1}}}");
        assertEquals(List.of(), SchemaValidator.validate(WIDGETS, arguments));
    }

    @Test
    void integralDecimalsAreIntegers() {
        assertEquals(List.of(), SchemaValidator.validate(WIDGETS, JsonText.parse("{\"id\":5.0,\"order\":{\"id\":\""
                + java.util.UUID.randomUUID() + "\",\"lines\":[\"a\"]}}")));
    }

    /** Differential: on instances without formats, our validator and a reference 2020-12 validator agree. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{}", "{\"id\":1}", "{\"id\":1.5,\"order\":{}}", "{\"id\":1,\"order\":{\"lines\":[\"a\"],\"id\":\"x\"}}",
            "{\"id\":1,\"order\":{\"lines\":[],\"quantity\":-1}}", "{\"id\":1,\"order\":{\"lines\":[\"x\"],"
            + "\"tags\":[\"a\",\"a\"],\"counts\":{\"k\":\"v\"}}}", "{\"id\":1,\"order\":[],\"x\":1}",
            "{\"id\":9999999999999,\"order\":{\"lines\":[\"a\"],\"quantity\":3000000000}}",
            "{\"id\":1,\"order\":{\"lines\":[\"a\"],\"colour\":\"RED\",\"addresses\":[{\"street\":\"x\"}]}}"})
    void agreesWithTheReferenceValidator(String instance) {
        JsonValue arguments = JsonText.parse(instance);
        JsonObject withoutFormats = JsonText.parseObject(WIDGETS.toString().replace("\"format\":", "\"_format\":"));
        boolean ours = SchemaValidator.validate(withoutFormats, arguments).isEmpty();
        assertEquals(MetaSchema.accepts(withoutFormats, arguments), ours, instance);
    }

    @Test
    void formatsAreChecked() {
        assertEquals(true, SchemaValidator.hasFormat("email", "a@b.example"));
        assertEquals(false, SchemaValidator.hasFormat("email", "a.example"));
        assertEquals(true, SchemaValidator.hasFormat("date-time", "2026-11-25T10:00:00Z"));
        assertEquals(false, SchemaValidator.hasFormat("date-time", "2026-11-25"));
        assertEquals(true, SchemaValidator.hasFormat("date", "2026-11-25"));
        assertEquals(false, SchemaValidator.hasFormat("uuid", "1-2-3-4-5"));
        assertEquals(true, SchemaValidator.hasFormat("uri", "https://example.com/x"));
    }
}
