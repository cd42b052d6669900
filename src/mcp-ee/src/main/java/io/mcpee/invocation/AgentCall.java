package io.mcpee.invocation;

import jakarta.json.JsonObject;

/**
 * One thing an agent does, through either door: a {@code tools/call} at {@code /mcp} ({@link ToolCall}) or a request
 * to the application's REST API (the REST door's call). Both pass the same chain of guards ({@link ToolCallChain}):
 * audit, transaction, throttling, authorization; each guard reads what it needs from here.
 */
public interface AgentCall {

    /** The tool the call is, or the REST request stands for; null for a REST request no tool is offered for. */
    String toolName();

    /** Its arguments as the agent sent them, not yet redacted. */
    JsonObject arguments();
}
