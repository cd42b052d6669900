package io.mcpee.transport;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionRegistryTest {
    private static final SessionOwner ADA = new SessionOwner("AGENT_TOKEN", "7", "ada");
    private static final JsonObject NONE = JsonValue.EMPTY_JSON_OBJECT;
    private final AtomicLong now = new AtomicLong();

    private SessionRegistry registry(int maxSessions) {
        TransportConfig config = new TransportConfig(1048576, "PT10M", maxSessions, 10, "test", "PT1M", "PT2M",
                "PT30M");
        return new SessionRegistry(config, now::get);
    }

    @Test
    void idleSessionsExpireAndUseKeepsThemAlive() {
        SessionRegistry sessions = registry(10);
        McpSession session = sessions.create("2025-11-25", "c", "1", NONE, ADA).orElseThrow();
        now.addAndGet(Duration.ofMinutes(9).toNanos());
        assertTrue(sessions.find(session.id(), ADA).isPresent(), "used at minute 9");
        now.addAndGet(Duration.ofMinutes(9).toNanos());
        assertTrue(sessions.find(session.id(), ADA).isPresent(), "idle 9 minutes since last use");
        now.addAndGet(Duration.ofMinutes(11).toNanos());
        assertFalse(sessions.find(session.id(), ADA).isPresent(), "idle 11 minutes");
    }

    @Test
    void theCapRefusesNewSessionsUntilOldOnesExpire() {
        SessionRegistry sessions = registry(2);
        McpSession first = sessions.create("2025-11-25", "c", "1", NONE, ADA).orElseThrow();
        McpSession second = sessions.create("2025-11-25", "c", "1", NONE, ADA).orElseThrow();
        assertNotEquals(first.id(), second.id());
        assertTrue(sessions.create("2025-11-25", "c", "1", NONE, ADA).isEmpty());
        now.addAndGet(Duration.ofMinutes(11).toNanos());
        assertTrue(sessions.create("2025-11-25", "c", "1", NONE, ADA).isPresent(), "expired sessions were swept");
    }

    @Test
    void removedSessionsAreGone() {
        SessionRegistry sessions = registry(10);
        McpSession session = sessions.create("2025-06-18", null, null, NONE, ADA).orElseThrow();
        assertEquals("2025-06-18", sessions.find(session.id(), ADA).orElseThrow().protocolVersion());
        assertTrue(sessions.remove(session));
        assertFalse(sessions.remove(session));
        assertFalse(sessions.find(session.id(), ADA).isPresent());
    }

    @Test
    void aSessionServesOnlyTheCallerThatOpenedIt() {
        SessionRegistry sessions = registry(10);
        McpSession session = sessions.create("2025-11-25", "c", "1", NONE, ADA).orElseThrow();
        assertTrue(sessions.find(session.id(), new SessionOwner("AGENT_TOKEN", "7", "ada")).isPresent(),
                "the same token, whatever its secret is now");
        assertFalse(sessions.find(session.id(), new SessionOwner("AGENT_TOKEN", "8", "bob")).isPresent());
        assertFalse(sessions.find(session.id(), new SessionOwner("AGENT_TOKEN", "8", "ada")).isPresent(),
                "another token of the same user");
        assertFalse(sessions.find(session.id(), new SessionOwner("JWT", "7", "ada")).isPresent(),
                "another kind of credential with the same id");
        assertFalse(sessions.find(session.id(), SessionOwner.ANONYMOUS).isPresent());
        assertTrue(sessions.find(session.id(), ADA).isPresent(), "refusing others ends nothing");
    }
}
