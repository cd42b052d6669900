package io.mcpee.api;

/**
 * A CDI event saying that what some agents may call has changed: mcp-ee then tells every client listening for it (a
 * session's {@code GET} stream, a 2026-07-28 {@code subscriptions/listen} stream that asked for
 * {@code toolsListChanged}) to fetch its tool list again ({@code notifications/tools/list_changed}). The notification
 * names no tool and no caller: each client lists again with its own credential and sees only what it may call.
 * <p>
 * mcp-ee sends that notification itself when agent tokens or their groups change (grants, state, membership) and
 * when resource classes join the catalog. An application fires this event ({@code @Inject Event<ToolListChanged>})
 * when its own rules of who may call what change, e.g. the role mapping of its identity store.
 */
public record ToolListChanged() {
}
