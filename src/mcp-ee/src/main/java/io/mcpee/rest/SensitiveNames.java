package io.mcpee.rest;

import io.mcpee.protocol.JsonText;
import io.mcpee.schema.CallerRoles;
import io.mcpee.schema.PropertyMarks;
import io.mcpee.tools.ToolDefinition;
import io.mcpee.tools.ToolRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The masking of last resort, for an agent's JSON answer whose type cannot be known (an {@code AsyncResponse}
 * resumed on another thread, a {@code Response} of a class CDI does not manage): every property named like a
 * {@code @Sensitive} property of any of the application's tools is masked, at any depth, unless the caller holds
 * every role that unmasks a property of that name. It may mask more than the type would; it never masks less.
 */
@ApplicationScoped
class SensitiveNames {
    private final ToolRegistry registry;
    private volatile Known known;

    private record Known(List<ToolDefinition> source, Map<String, Set<String>> names) {
    }

    @Inject
    SensitiveNames(ToolRegistry registry) {
        this.registry = registry;
    }

    /** For the CDI client proxy only. */
    protected SensitiveNames() {
        this.registry = null;
    }

    /** The JSON text with those properties masked; the same text when nothing was. */
    String mask(String json, CallerRoles roles) {
        Map<String, Set<String>> names = names();
        if (names.isEmpty()) {
            return json;
        }
        JsonValue tree;
        try {
            tree = JsonText.parse(json);
        } catch (RuntimeException e) {
            return json; // not JSON after all: nothing of it has property names
        }
        JsonValue masked = mask(tree, names, roles);
        return masked == tree ? json : masked.toString();
    }

    private static JsonValue mask(JsonValue value, Map<String, Set<String>> names, CallerRoles roles) {
        if (value instanceof JsonArray array) {
            JsonArrayBuilder copy = null;
            for (int i = 0; i < array.size(); i++) {
                JsonValue item = mask(array.get(i), names, roles);
                if (item != array.get(i) && copy == null) {
                    copy = JsonText.BUILDERS.createArrayBuilder();
                    for (int j = 0; j < i; j++) {
                        copy.add(array.get(j));
                    }
                }
                if (copy != null) {
                    copy.add(item);
                }
            }
            return copy == null ? value : copy.build();
        }
        if (!(value instanceof JsonObject object)) {
            return value;
        }
        JsonObjectBuilder copy = null;
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            JsonValue original = entry.getValue();
            Set<String> unmaskedBy = names.get(entry.getKey());
            JsonValue masked = unmaskedBy != null && original.getValueType() != JsonValue.ValueType.NULL
                    && !unmaskedBy.stream().allMatch(role -> !role.isEmpty() && roles.has(role))
                    ? PropertyMarks.MASK_VALUE : mask(original, names, roles);
            if (masked != original) {
                if (copy == null) {
                    copy = JsonText.BUILDERS.createObjectBuilder(object);
                }
                copy.add(entry.getKey(), masked);
            }
        }
        return copy == null ? value : copy.build();
    }

    private Map<String, Set<String>> names() {
        List<ToolDefinition> tools = registry.all();
        Known current = known;
        if (current == null || current.source() != tools) {
            Map<String, Set<String>> names = new HashMap<>();
            for (ToolDefinition tool : tools) {
                tool.input().collectSensitive(names);
                if (tool.output() != null) {
                    tool.output().collectSensitive(names);
                }
            }
            current = new Known(tools, Map.copyOf(names));
            known = current;
        }
        return current.names();
    }
}
