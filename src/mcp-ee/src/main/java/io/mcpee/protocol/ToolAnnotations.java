package io.mcpee.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Hints about a tool's behaviour; {@code null} means "not stated" and is left out of the JSON. */
public record ToolAnnotations(Boolean readOnlyHint, Boolean destructiveHint, Boolean idempotentHint,
                              Boolean openWorldHint) {

    public JsonObject toJson() {
        JsonObjectBuilder json = JsonText.BUILDERS.createObjectBuilder();
        if (readOnlyHint != null) {
            json.add("readOnlyHint", readOnlyHint);
        }
        if (destructiveHint != null) {
            json.add("destructiveHint", destructiveHint);
        }
        if (idempotentHint != null) {
            json.add("idempotentHint", idempotentHint);
        }
        if (openWorldHint != null) {
            json.add("openWorldHint", openWorldHint);
        }
        return json.build();
    }
}
