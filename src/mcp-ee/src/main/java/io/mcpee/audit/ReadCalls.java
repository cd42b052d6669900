package io.mcpee.audit;

import io.mcpee.invocation.AgentCall;
import io.mcpee.invocation.RestCall;
import io.mcpee.protocol.ToolAnnotations;
import io.mcpee.tools.ToolDefinition;
import io.mcpee.tools.ToolRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which calls are reads, whose entries may be committed in a batch with other reads' ({@link GroupCommit}) rather
 * than in the call's own transaction: a tool whose {@code readOnlyHint} is true (a {@code GET} resource method, or
 * one its {@code @McpTool(readOnly)} declares so), or a REST {@code GET}/{@code HEAD} that stands for no tool. A
 * read changes nothing, so there is no change to commit with its entry; its answer still waits for the entry's
 * commit. Everything else keeps its entry in its own transaction. With {@code mcpee.audit.group-commit=false} no
 * call is treated as a read.
 */
@ApplicationScoped
class ReadCalls {
    private final ToolRegistry registry;
    private final boolean enabled;

    @Inject
    ReadCalls(ToolRegistry registry, AuditSettings settings) {
        this.registry = registry;
        this.enabled = settings.groupCommit();
    }

    /** For the CDI client proxy only. */
    protected ReadCalls() {
        this.registry = null;
        this.enabled = false;
    }

    boolean isRead(AgentCall call) {
        if (!enabled) {
            return false;
        }
        String name = call.toolName();
        if (name == null) {
            return call instanceof RestCall rest
                    && (rest.httpMethod().equals("GET") || rest.httpMethod().equals("HEAD"));
        }
        ToolDefinition tool = registry.find(name);
        if (tool == null) {
            return false;
        }
        ToolAnnotations hints = tool.tool().annotations();
        return hints != null && Boolean.TRUE.equals(hints.readOnlyHint());
    }
}
