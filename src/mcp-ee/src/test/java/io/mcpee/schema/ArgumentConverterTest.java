package io.mcpee.schema;

import io.mcpee.protocol.JsonText;
import io.mcpee.tools.ToolDefinition;
import io.mcpee.tools.ToolFactoryTest;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArgumentConverterTest {
    private static final Map<String, ToolDefinition> TOOLS = ToolFactoryTest.tools(Fixtures.WidgetResource.class);
    private final ArgumentConverter converter = new ArgumentConverter(JsonbBuilder.create(), List.of());

    private Object[] convert(ArgumentConverter converter, String tool, String arguments) throws Exception {
        return converter.convert(TOOLS.get(tool).arguments(), JsonText.parseObject(arguments), type -> "context:"
                + type.getSimpleName());
    }

    @Test
    void queryParametersFollowJaxRsRules() throws Exception {
        Object[] values = convert(converter, "list_widgets", "{\"colour\":\"GREEN\",\"tag\":[\"a\",\"b\"],"
                + "\"X-Tenant\":\"acme\"}");
        assertEquals(Fixtures.Colour.GREEN, values[0]);
        assertEquals(20, values[1], "@DefaultValue applies when absent");
        assertEquals(List.of("a", "b"), values[2]);
        Fixtures.Paging paging = (Fixtures.Paging) values[3];
        assertEquals(1, paging.page);
        assertEquals("acme", paging.tenant);
    }

    @Test
    void absentParametersAreNullOrZero() throws Exception {
        Object[] values = convert(converter, "re_stock_widget", "{\"id\":3}");
        assertEquals(3L, values[0]);
        assertEquals(0, values[1], "a primitive without default is 0, as JAX-RS gives it");
    }

    @Test
    void valueOfFromStringAndContext() throws Exception {
        Object[] values = convert(converter, "find_by_sku", "{\"sku\":\"ABC-1\",\"max\":\"12.50\",\"size\":\"small\"}");
        assertEquals("ABC-1", values[0]);
        assertEquals(new java.math.BigDecimal("12.50"), ((Fixtures.Money) values[1]).amount);
        assertEquals(Fixtures.Size2.SMALL, values[2], "fromString is preferred for enums");
        assertEquals("context:UriInfo", values[3]);
    }

    @Test
    void aParamConverterProviderWins() throws Exception {
        ParamConverterProvider provider = new ParamConverterProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> ParamConverter<T> getConverter(Class<T> raw, Type generic, Annotation[] annotations) {
                if (raw != Fixtures.Money.class) {
                    return null;
                }
                return (ParamConverter<T>) new ParamConverter<Fixtures.Money>() {
                    @Override
                    public Fixtures.Money fromString(String value) {
                        return Fixtures.Money.valueOf("99");
                    }

                    @Override
                    public String toString(Fixtures.Money value) {
                        return value.amount.toString();
                    }
                };
            }
        };
        ArgumentConverter withProvider = new ArgumentConverter(JsonbBuilder.create(), List.of(provider));
        Object[] values = convert(withProvider, "find_by_sku", "{\"sku\":\"ABC-1\",\"max\":\"1\"}");
        assertEquals(new java.math.BigDecimal("99"), ((Fixtures.Money) values[1]).amount);
    }

    @Test
    void bodiesAreReadWithJsonb() throws Exception {
        Object[] values = convert(converter, "update_widget", "{\"id\":7,\"order\":{\"quantity\":2,\"lines\":[\"x\"],"
                + "\"colour\":\"RED\",\"addresses\":[{\"street\":\"Main\",\"zip\":\"12345\"}]}}");
        Fixtures.Order order = assertInstanceOf(Fixtures.Order.class, values[1]);
        assertEquals(2, order.quantity());
        assertEquals("12345", order.addresses().get(0).postalCode());
        assertNull(convert(converter, "update_widget", "{\"id\":7}")[1]);
    }

    /** An integer the parameter's type cannot hold is refused like any unreadable value, not thrown at the caller. */
    @Test
    void integersOutOfTheParametersRangeAreRefused() throws Exception {
        Object[] largest = convert(converter, "re_stock_widget",
                "{\"id\":9223372036854775807,\"amount\":-2147483648}");
        assertEquals(Long.MAX_VALUE, largest[0]);
        assertEquals(Integer.MIN_VALUE, largest[1]);
        for (String arguments : List.of("{\"id\":9223372036854775808,\"amount\":2147483648}",
                "{\"id\":-1e19,\"amount\":1e10}", "{\"id\":1e999999999,\"amount\":-1e999999999}")) {
            ArgumentConverter.ConversionException e = assertThrows(ArgumentConverter.ConversionException.class,
                    () -> convert(converter, "re_stock_widget", arguments), arguments);
            assertEquals("id: the value cannot be read as an integer from -9223372036854775808 to "
                    + "9223372036854775807; amount: the value cannot be read as an integer from -2147483648 to "
                    + "2147483647", e.getMessage());
        }
    }

    @Test
    void hugeExponentsAreNotExpandedIntoDigits() {
        assertEquals("1E+999999999", ArgumentConverter.text(JsonText.parse("1e999999999")));
        assertEquals("1000", ArgumentConverter.text(JsonText.parse("1e3")));
        assertEquals("1.5", ArgumentConverter.text(JsonText.parse("1.5")));
    }

    @Test
    void failedConversionsNameTheArgumentButNotTheValue() {
        ArgumentConverter.ConversionException e = assertThrows(ArgumentConverter.ConversionException.class,
                () -> convert(converter, "find_by_sku", "{\"sku\":\"x\",\"max\":\"lots\",\"size\":\"huge\"}"));
        assertEquals("max: the value cannot be read as the expected type; size: the value cannot be read as one of "
                + "its allowed values", e.getMessage());
    }

    @Test
    void defaultsAreAdvertisedWithTheirJsonType() {
        var limit = (Argument.Named) TOOLS.get("list_widgets").arguments().get(1);
        assertEquals("20", ArgumentConverter.defaultAsJson(limit).toString());
    }
}
