package io.mcpee.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import static java.util.Objects.requireNonNull;

/**
 * A question for the agent's client, under a key of the method's choosing ({@link McpExchange#ask}): input from its
 * user (elicitation), a completion from its model (sampling), or its roots.
 *
 * @param key    names the answer; unique among the questions of one call
 * @param method the MCP method the client answers: {@code elicitation/create}, {@code sampling/createMessage} or
 *               {@code roots/list}
 * @param params that method's parameters
 */
public record InputRequest(String key, String method, JsonObject params) {
    public InputRequest {
        requireNonNull(key, "key is null");
        requireNonNull(method, "method is null");
        requireNonNull(params, "params is null");
        if (capability(method) == null) {
            throw new IllegalArgumentException("an input request is elicitation/create, sampling/createMessage or "
                    + "roots/list, not " + method);
        }
    }

    /** Asks the user for a flat object of answers, described by {@code requestedSchema} (a JSON Schema). */
    public static InputRequest elicit(String key, String message, JsonObject requestedSchema) {
        return new InputRequest(key, "elicitation/create", Json.createObjectBuilder().add("mode", "form")
                .add("message", message).add("requestedSchema", requestedSchema).build());
    }

    /** Asks the client's model for a completion: {@code params} as {@code sampling/createMessage} takes them. */
    public static InputRequest sample(String key, JsonObject params) {
        return new InputRequest(key, "sampling/createMessage", params);
    }

    /** Asks the client for its roots (the folders or other places it lets the server work in). */
    public static InputRequest listRoots(String key) {
        return new InputRequest(key, "roots/list", JsonObject.EMPTY_JSON_OBJECT);
    }

    /** The client capability answering it needs: {@code elicitation}, {@code sampling} or {@code roots}. */
    public String capability() {
        return capability(method);
    }

    private static String capability(String method) {
        return switch (method) {
            case "elicitation/create" -> "elicitation";
            case "sampling/createMessage" -> "sampling";
            case "roots/list" -> "roots";
            default -> null;
        };
    }
}
