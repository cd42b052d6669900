package io.mcpee.tools;

import io.mcpee.protocol.Tool;
import io.mcpee.schema.Fixtures;
import io.mcpee.schema.MetaSchema;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class ToolFactoryTest {

    public static Map<String, ToolDefinition> tools(Class<?> resource) {
        return ToolCatalog.build(List.of(resource), ToolFilter.of(List.of(), List.of())).catalog().tools().stream()
                .collect(Collectors.toMap(ToolDefinition::name, t -> t));
    }

    static List<String> required(JsonObject schema) {
        return schema.containsKey("required")
                ? schema.getJsonArray("required").getValuesAs(JsonString::getString) : List.of();
    }

    @Test
    void everyResourceMethodBecomesANamedTool() {
        assertEquals(List.of("create_widget", "delete_widget", "find_by_sku", "import_widgets", "list_widgets",
                "partial_update_widget", "re_stock_widget", "retrieve_widget", "retrieve_widget_notes",
                "update_widget"), tools(Fixtures.WidgetResource.class).keySet().stream().sorted().toList());
    }

    @Test
    void queryBeanAndCollectionParametersBecomeProperties() {
        JsonObject schema = tools(Fixtures.WidgetResource.class).get("list_widgets").tool().inputSchema();
        JsonObject p = schema.getJsonObject("properties");
        assertEquals(List.of("colour", "limit", "tag", "page", "X-Tenant"), List.copyOf(p.keySet()));
        assertEquals(20, p.getJsonObject("limit").getInt("default"));
        assertEquals(100, p.getJsonObject("limit").getInt("maximum"));
        assertEquals("array", p.getJsonObject("tag").getString("type"));
        assertEquals(1, p.getJsonObject("page").getInt("default"));
        assertEquals(List.of(), required(schema));
        assertFalse(schema.getBoolean("additionalProperties"));
        assertEquals("Find widgets", tools(Fixtures.WidgetResource.class).get("list_widgets").tool().title());
        assertEquals("Find widgets. By colour",
                tools(Fixtures.WidgetResource.class).get("list_widgets").tool().description());
    }

    @Test
    void pathParametersAreRequiredAndKeepTheirTemplateRegex() {
        Tool retrieve = tools(Fixtures.WidgetResource.class).get("retrieve_widget").tool();
        JsonObject id = retrieve.inputSchema().getJsonObject("properties").getJsonObject("id");
        assertEquals("integer", id.getString("type"));
        assertEquals("The widget id", id.getString("description"));
        assertEquals(List.of("id"), required(retrieve.inputSchema()));
        Tool bySku = tools(Fixtures.WidgetResource.class).get("find_by_sku").tool();
        JsonObject p = bySku.inputSchema().getJsonObject("properties");
        assertEquals("string", p.getJsonObject("max").getString("type"), "valueOf types travel as text");
        assertFalse(p.containsKey("uriInfo"), "@Context is not an argument");
    }

    @Test
    void theBodyIsOneNamedProperty() {
        Map<String, ToolDefinition> tools = tools(Fixtures.WidgetResource.class);
        JsonObject create = tools.get("create_widget").tool().inputSchema();
        assertEquals(List.of("order"), List.copyOf(create.getJsonObject("properties").keySet()));
        assertEquals(List.of("order"), required(create));
        JsonObject update = tools.get("update_widget").tool().inputSchema();
        assertEquals(List.of("id", "order"), List.copyOf(update.getJsonObject("properties").keySet()));
        assertEquals(List.of("orders"), List.copyOf(tools.get("import_widgets").tool().inputSchema()
                .getJsonObject("properties").keySet()));
        assertEquals(List.of("id", "body"), List.copyOf(tools.get("partial_update_widget").tool().inputSchema()
                .getJsonObject("properties").keySet()));
        JsonObject form = tools.get("re_stock_widget").tool().inputSchema().getJsonObject("properties");
        assertEquals("integer", form.getJsonObject("amount").getString("type"));
    }

    @Test
    void outputSchemasComeFromConcreteReturnTypes() {
        Map<String, ToolDefinition> tools = tools(Fixtures.WidgetResource.class);
        assertEquals("object", tools.get("retrieve_widget").tool().outputSchema().getString("type"));
        JsonObject wrapped = tools.get("list_widgets").tool().outputSchema();
        assertEquals("array", wrapped.getJsonObject("properties").getJsonObject("result").getString("type"),
                "non-object JSON is wrapped as {result: ...}");
        assertNull(tools.get("create_widget").tool().outputSchema(), "Response");
        assertNull(tools.get("delete_widget").tool().outputSchema(), "void");
        assertNull(tools.get("retrieve_widget_notes").tool().outputSchema(), "text/plain");
        assertEquals("integer", tools.get("import_widgets").tool().outputSchema().getJsonObject("properties")
                .getJsonObject("result").getString("type"));
    }

    @Test
    void hintsFollowHttpMethodsUnlessOverridden() {
        Map<String, ToolDefinition> tools = tools(Fixtures.WidgetResource.class);
        assertEquals("{\"readOnlyHint\":true}", tools.get("retrieve_widget").tool().annotations().toJson().toString());
        assertEquals("{\"readOnlyHint\":false,\"destructiveHint\":true,\"idempotentHint\":true}",
                tools.get("delete_widget").tool().annotations().toJson().toString());
        assertEquals("{\"readOnlyHint\":false,\"destructiveHint\":false,\"idempotentHint\":true}",
                tools.get("update_widget").tool().annotations().toJson().toString());
        assertEquals("{\"readOnlyHint\":false,\"destructiveHint\":false,\"idempotentHint\":false}",
                tools.get("create_widget").tool().annotations().toJson().toString());
        Tool bySku = tools.get("find_by_sku").tool();
        assertEquals("{\"readOnlyHint\":true,\"openWorldHint\":true}", bySku.annotations().toJson().toString());
        assertEquals("Find by SKU", bySku.title());
        assertEquals("Looks a widget up by SKU", bySku.description());
    }

    @Test
    void generatedDescriptionNamesMethodAndPath() {
        assertEquals("Delete widget (DELETE /shop/widgets/{id})",
                tools(Fixtures.WidgetResource.class).get("delete_widget").tool().description());
    }

    @Test
    void asynchronousMethodsAreLeftOutWithAReason() {
        ToolCatalog.Build build = ToolCatalog.build(List.of(Fixtures.WidgetResource.class),
                ToolFilter.of(List.of(), List.of()));
        List<String> notTools = build.warnings().stream().filter(w -> w.contains("is not a tool")).toList();
        assertEquals(1, notTools.size(), build.warnings().toString());
        assertTrue(notTools.get(0).contains("WidgetResource.async"), notTools.get(0));
        assertTrue(build.warnings().stream().anyMatch(w -> w.contains("no @RolesAllowed or @PermitAll")),
                "unannotated methods are reported: no one may use their tools");
        ResourceMethod async = ResourceScanner.resourceMethods(Fixtures.WidgetResource.class).stream()
                .filter(m -> m.method().getName().equals("async")).findFirst().orElseThrow();
        assertInstanceOf(ToolFactory.Outcome.Unsupported.class, ToolFactory.create(async));
    }

    @Test
    void everyToolSchemaIsValid2020_12() {
        for (Class<?> resource : List.of(Fixtures.WidgetResource.class)) {
            for (ToolDefinition tool : tools(resource).values()) {
                assertEquals(List.of(), MetaSchema.problems(tool.tool().inputSchema()), tool.name());
                if (tool.tool().outputSchema() != null) {
                    assertEquals(List.of(), MetaSchema.problems(tool.tool().outputSchema()), tool.name());
                }
            }
        }
    }
}
