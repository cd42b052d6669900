package io.mcpee.transport;

import static java.util.Objects.requireNonNull;

/**
 * A client's MCP session: what it negotiated and who it said it was. It carries no identity: every request is
 * authenticated on its own credential, never by its session id.
 */
final class McpSession {
    private final String id;
    private final String protocolVersion;
    private final String clientName;
    private final String clientVersion;
    private volatile long lastUsedNanos;

    McpSession(String id, String protocolVersion, String clientName, String clientVersion, long nowNanos) {
        this.id = requireNonNull(id, "id is null");
        this.protocolVersion = requireNonNull(protocolVersion, "protocolVersion is null");
        this.clientName = clientName;
        this.clientVersion = clientVersion;
        this.lastUsedNanos = nowNanos;
    }

    String id() {
        return id;
    }

    String protocolVersion() {
        return protocolVersion;
    }

    String clientName() {
        return clientName;
    }

    String clientVersion() {
        return clientVersion;
    }

    /** Records use; writes at most once a second, so concurrent requests of one session do not contend. */
    void touch(long nowNanos) {
        if (nowNanos - lastUsedNanos > 1_000_000_000L) {
            lastUsedNanos = nowNanos;
        }
    }

    boolean idleLongerThan(long idleNanos, long nowNanos) {
        return nowNanos - lastUsedNanos > idleNanos;
    }

    @Override
    public String toString() {
        // never the id: it is a bearer of the session
        return "McpSession[" + clientName + " " + clientVersion + ", " + protocolVersion + "]";
    }
}
