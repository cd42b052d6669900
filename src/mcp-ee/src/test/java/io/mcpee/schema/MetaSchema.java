package io.mcpee.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.JsonValue;

import java.util.List;

/** A real JSON Schema 2020-12 validator (networknt), to check what mcp-ee generates. */
public final class MetaSchema {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema META = REGISTRY.getSchema(SchemaLocation.of(SchemaGenerator.DIALECT));

    private MetaSchema() {
    }

    /** The problems the 2020-12 meta-schema finds in a schema; empty when it is a valid schema. */
    public static List<String> problems(JsonValue schema) {
        return META.validate(schema.toString(), InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** Whether {@code instance} is valid against {@code schema}, by the reference validator. */
    public static boolean accepts(JsonValue schema, JsonValue instance) {
        List<Error> errors = REGISTRY.getSchema(schema.toString(), InputFormat.JSON)
                .validate(instance.toString(), InputFormat.JSON);
        return errors.isEmpty();
    }
}
