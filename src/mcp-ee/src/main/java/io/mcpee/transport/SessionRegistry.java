package io.mcpee.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The live MCP sessions of this server. Ids are 256 random bits, base64url (visible ASCII, as the spec asks).
 * Idle sessions expire: each lookup checks its own, and creating a session sweeps the others, so no timer thread
 * is needed; the number of sessions is capped so that clients cannot exhaust memory.
 */
@ApplicationScoped
class SessionRegistry {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, McpSession> sessions = new ConcurrentHashMap<>();
    private final TransportConfig config;
    private final LongSupplier nanoClock;
    private final long idleNanos;

    @Inject
    SessionRegistry(TransportConfig config) {
        this(config, System::nanoTime);
    }

    SessionRegistry(TransportConfig config, LongSupplier nanoClock) {
        this.config = config;
        this.nanoClock = nanoClock;
        this.idleNanos = config == null ? 0 : config.sessionIdleTimeout().toNanos();
    }

    /** For the CDI client proxy only. */
    protected SessionRegistry() {
        this(null, null);
    }

    /** A new session of {@code owner}, or empty when the server holds its maximum of live sessions. */
    Optional<McpSession> create(String protocolVersion, String clientName, String clientVersion,
                                JsonObject capabilities, SessionOwner owner) {
        long now = nanoClock.getAsLong();
        if (sessions.size() >= config.maxSessions()) {
            sweep(now);
            if (sessions.size() >= config.maxSessions()) {
                return Optional.empty();
            }
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        McpSession session = new McpSession(id, protocolVersion, clientName, clientVersion, capabilities, owner,
                now);
        sessions.put(id, session);
        return Optional.of(session);
    }

    /** The live session of this id, if {@code caller} opened it: to anyone else it does not exist. */
    Optional<McpSession> find(String id, SessionOwner caller) {
        McpSession session = sessions.get(id);
        if (session == null || !session.belongsTo(caller)) {
            return Optional.empty();
        }
        long now = nanoClock.getAsLong();
        if (session.idleLongerThan(idleNanos, now)) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    /** Whether the session of this id is still open (not ended, not idle too long); does not count as its use. */
    boolean isLive(String id) {
        McpSession session = sessions.get(id);
        return session != null && !session.idleLongerThan(idleNanos, nanoClock.getAsLong());
    }

    boolean remove(McpSession session) {
        return sessions.remove(session.id(), session);
    }

    private void sweep(long now) {
        sessions.values().removeIf(s -> s.idleLongerThan(idleNanos, now));
    }
}
