package io.mcpee.transport;

import io.mcpee.api.InputRequest;
import io.mcpee.api.LogLevel;
import io.mcpee.api.McpExchange;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;

import java.util.Map;

/**
 * The {@link McpExchange} a resource injects: the exchange of the tool call running in this request, or, on a REST
 * request (or between the calls of a batch), one that sends nothing, is never cancelled and cannot ask (400).
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
    public Map<String, JsonObject> ask(InputRequest... requests) {
        ToolCallExchange running = call;
        if (running == null) {
            throw new BadRequestException("this operation asks an MCP client for input; call it as a tool");
        }
        return running.ask(requests);
    }

    @Override
    public boolean canAsk(InputRequest request) {
        ToolCallExchange running = call;
        return running != null && running.canAsk(request);
    }

    @Override
    public boolean isCancelled() {
        ToolCallExchange running = call;
        return running != null && running.cancelled();
    }
}
