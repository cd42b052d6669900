package io.mcpee.transport;

import io.mcpee.api.LogLevel;
import io.mcpee.api.McpExchange;
import jakarta.enterprise.context.RequestScoped;

/**
 * The {@link McpExchange} a resource injects: the exchange of the tool call running in this request, or, on a REST
 * request (or between the calls of a batch), one that sends nothing and is never cancelled.
 */
@RequestScoped
public class CurrentExchange implements McpExchange {
    private ToolCallExchange call;

    /** The tool call this request now runs; {@link #end()} when it has its answer. */
    void begin(ToolCallExchange call) {
        this.call = call;
    }

    void end() {
        this.call = null;
    }

    @Override
    public void progress(double progress, Double total, String message) {
        ToolCallExchange running = call;
        if (running != null) {
            running.progress(progress, total, message);
        }
    }

    @Override
    public void log(LogLevel level, String message) {
        ToolCallExchange running = call;
        if (running != null) {
            running.log(level, message);
        }
    }

    @Override
    public boolean isCancelled() {
        ToolCallExchange running = call;
        return running != null && running.cancelled();
    }
}
