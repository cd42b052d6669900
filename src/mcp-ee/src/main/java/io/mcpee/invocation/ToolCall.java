package io.mcpee.invocation;

import jakarta.json.JsonObject;

import static java.util.Objects.requireNonNull;

/**
 * One {@code tools/call}: the tool's name, its arguments as the client sent them, and the MCP request it arrived
 * in. The guards that wrap {@link ToolInvoker#call(ToolCall)} (authentication, throttling, audit) read all they need
 * from it.
 */
public record ToolCall(String toolName, JsonObject arguments, ToolCallContext context) implements AgentCall {

    public ToolCall {
        requireNonNull(toolName, "toolName is null");
        requireNonNull(arguments, "arguments is null");
        requireNonNull(context, "context is null");
    }
}
