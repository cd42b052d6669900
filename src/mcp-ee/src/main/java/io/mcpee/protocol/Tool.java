package io.mcpee.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** A tool as {@code tools/list} describes it. {@code title} and {@code outputSchema} may be null. */
public record Tool(String name, String title, String description, JsonObject inputSchema, JsonObject outputSchema,
                   ToolAnnotations annotations) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    public Tool {
        requireNonNull(name, "name is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name must match " + NAME + ": " + name);
        }
        requireNonNull(description, "description is null");
        requireNonNull(inputSchema, "inputSchema is null");
        requireNonNull(annotations, "annotations is null");
    }

    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JsonText.BUILDERS.createObjectBuilder().add("name", name);
        if (title != null) {
            json.add("title", title);
        }
        json.add("description", description).add("inputSchema", inputSchema);
        if (outputSchema != null) {
            json.add("outputSchema", outputSchema);
        }
        JsonObject hints = annotations.toJson();
        if (!hints.isEmpty()) {
            json.add("annotations", hints);
        }
        return json.build();
    }
}
