package io.mcpee.tools;

import io.mcpee.demo.ActivityResource;
import io.mcpee.demo.ArticleResource;
import io.mcpee.demo.CustomerResource;
import io.mcpee.schema.MetaSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every tool the demo's resources make has input and output schemas valid against the 2020-12 meta-schema. */
class DemoToolSchemasTest {

    @Test
    void everyDemoToolSchemaIsValid2020_12() {
        for (Class<?> resource : List.of(CustomerResource.class, ArticleResource.class, ActivityResource.class)) {
            for (ToolDefinition tool : ToolFactoryTest.tools(resource).values()) {
                assertEquals(List.of(), MetaSchema.problems(tool.tool().inputSchema()), tool.name());
                if (tool.tool().outputSchema() != null) {
                    assertEquals(List.of(), MetaSchema.problems(tool.tool().outputSchema()), tool.name());
                }
            }
        }
    }
}
