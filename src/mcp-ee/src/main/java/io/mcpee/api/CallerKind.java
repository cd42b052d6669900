package io.mcpee.api;

/** How a caller proved who it is. */
public enum CallerKind {
    AGENT_TOKEN, JWT, ANONYMOUS
}
