package io.mcpee.invocation;

import jakarta.json.JsonObject;

import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * One request of an agent's credential to the application's REST API, as the REST door passes it through the
 * guards: the tool the resource method is offered as (null when it is not one), its arguments as a tool call would
 * carry them (path and query parameters, the body), and the request's method and path for the audit. The arguments
 * are made when first asked for: the body is known only once the application has read it.
 */
public final class RestCall implements AgentCall {
    private final String toolName;
    private final String httpMethod;
    private final String path;
    private final Supplier<JsonObject> argumentsOnceRead;
    private JsonObject arguments;

    public RestCall(String toolName, String httpMethod, String path, Supplier<JsonObject> argumentsOnceRead) {
        this.toolName = toolName;
        this.httpMethod = requireNonNull(httpMethod, "httpMethod is null");
        this.path = requireNonNull(path, "path is null");
        this.argumentsOnceRead = requireNonNull(argumentsOnceRead, "argumentsOnceRead is null");
    }

    @Override
    public String toolName() {
        return toolName;
    }

    @Override
    public synchronized JsonObject arguments() {
        if (arguments == null) {
            arguments = argumentsOnceRead.get();
        }
        return arguments;
    }

    public String httpMethod() {
        return httpMethod;
    }

    /** The request's path as sent, context root included, without the query. */
    public String path() {
        return path;
    }
}
