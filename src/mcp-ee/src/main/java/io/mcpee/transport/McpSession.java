package io.mcpee.transport;

import io.mcpee.api.LogLevel;
import jakarta.json.JsonObject;

import static java.util.Objects.requireNonNull;

/**
 * A client's MCP session: what it negotiated, who it said it was, and the caller that opened it. It grants
 * nothing: every request is authenticated on its own credential, never by its session id, and a session serves
 * only the caller that opened it ({@link SessionOwner}).
 */
final class McpSession {
    private final String id;
    private final String protocolVersion;
    private final String clientName;
    private final String clientVersion;
    private final JsonObject capabilities;
    private final SessionOwner owner;
    private volatile long lastUsedNanos;
    private volatile LogLevel logLevel;

    McpSession(String id, String protocolVersion, String clientName, String clientVersion, JsonObject capabilities,
               SessionOwner owner, long nowNanos) {
        this.id = requireNonNull(id, "id is null");
        this.protocolVersion = requireNonNull(protocolVersion, "protocolVersion is null");
        this.clientName = clientName;
        this.clientVersion = clientVersion;
        this.capabilities = requireNonNull(capabilities, "capabilities is null");
        this.owner = requireNonNull(owner, "owner is null");
        this.lastUsedNanos = nowNanos;
    }

    boolean belongsTo(SessionOwner caller) {
        return owner.equals(caller);
    }

    String id() {
        return id;
    }

    String protocolVersion() {
        return protocolVersion;
    }

    /** The session's client, for the requests it makes. */
    Client client() {
        return new Client(id, clientName, clientVersion);
    }

    /** What the client declared at {@code initialize} it can answer: {@code elicitation}, {@code sampling}, ... */
    JsonObject capabilities() {
        return capabilities;
    }

    /** The least severe log message the client asked for ({@code logging/setLevel}); null until it asks. */
    LogLevel logLevel() {
        return logLevel;
    }

    void logLevel(LogLevel level) {
        this.logLevel = level;
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
