package io.mcpee.audit;

/** How an audited action reached the server. */
public enum Channel {
    /** A {@code tools/call} at the MCP endpoint. */
    MCP("tools/call"),
    /** A change to agent credentials (tokens, token groups) through mcp-ee's admin API. */
    ADMIN("admin"),
    /** A request of an agent's credential to the application's own REST API (the REST door). */
    REST("rest");

    private final String event;

    Channel(String event) {
        this.event = event;
    }

    /** The {@code event} of its {@code mcpee.audit} log lines. */
    String event() {
        return event;
    }
}
