package io.mcpee.tools;

import io.mcpee.schema.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolCatalogTest {

    @Test
    void aNameClashIsAnErrorNamingBothMethods() {
        ToolCatalog.Build build = ToolCatalog.build(List.of(Fixtures.ClashingResource.class),
                ToolFilter.of(List.of(), List.of()));
        assertEquals(1, build.errors().size());
        String error = build.errors().get(0);
        assertTrue(error.contains("\"list_things\""), error);
        assertTrue(error.contains("ClashingResource.all ") || error.contains("ClashingResource.all and"), error);
        assertTrue(error.contains("ClashingResource.allAsText"), error);
    }

    @Test
    void ignoredClassesAndMethodsMakeNoTools() {
        ToolCatalog catalog = ToolCatalog.build(List.of(Fixtures.IgnoredResource.class, Fixtures.WidgetResource.class),
                ToolFilter.of(List.of(), List.of())).catalog();
        assertTrue(catalog.tools().stream().noneMatch(t -> t.target().resourceClass()
                == Fixtures.IgnoredResource.class));
        assertTrue(catalog.tools().stream().noneMatch(t -> t.target().method().getName().equals("hidden")));
    }

    @Test
    void configuredPatternsIncludeAndExclude() {
        ToolFilter filter = ToolFilter.of(List.of("retrieve_*", "list_*"), List.of("*_notes"));
        ToolCatalog catalog = ToolCatalog.build(List.of(Fixtures.WidgetResource.class), filter).catalog();
        assertEquals(List.of("list_widgets", "retrieve_widget"),
                catalog.tools().stream().map(ToolDefinition::name).toList());
        assertTrue(filter.admits("list_x"));
        assertFalse(filter.admits("retrieve_widget_notes"));
        assertFalse(filter.admits("delete_widget"));
        assertTrue(ToolFilter.of(List.of(), List.of()).admits("anything"));
    }

    @Test
    void pagesAreStableAndBounded() {
        ToolCatalog catalog = ToolCatalog.build(List.of(Fixtures.WidgetResource.class),
                ToolFilter.of(List.of(), List.of())).catalog();
        assertEquals(3, catalog.page(0, 3).size());
        assertEquals("create_widget", catalog.page(0, 3).get(0).name());
        assertEquals(1, catalog.page(9, 3).size());
        assertEquals(0, catalog.page(50, 3).size());
    }
}
