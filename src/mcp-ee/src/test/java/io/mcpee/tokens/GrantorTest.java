package io.mcpee.tokens;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who manages which tokens: the rule of the admin API, on its own. */
class GrantorTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Instant IN_TEN_DAYS = NOW.plus(10, ChronoUnit.DAYS);

    private static AgentToken token(String owner, Set<String> permissions, Instant expiresAt) {
        return new AgentToken(1, "k", "t", owner, true, NOW, expiresAt, null, null, permissions, Set.of());
    }

    @Test
    void aPlainAgentTokenManagesNothing() {
        TokenException refused = assertThrows(TokenException.class,
                () -> Grantor.token("ada", Set.of("customers:read", "customers:write"), null));
        assertEquals(403, refused.status());
        assertTrue(refused.getMessage().contains("mcp-tokens"), refused.getMessage());
    }

    @Test
    void aManagingTokenManagesItsOwnersTokensWithinItsRightsAndLife() {
        Grantor manager = Grantor.token("ada", Set.of("mcp-tokens", "customers:read"), IN_TEN_DAYS);
        assertTrue(manager.mayManage(token("ada", Set.of("customers:read"), NOW.plus(2, ChronoUnit.DAYS))));
        assertTrue(manager.mayManage(token("ada", Set.of(), IN_TEN_DAYS)), "expiring with it");
        assertFalse(manager.mayManage(token("bob", Set.of("customers:read"), NOW.plus(2, ChronoUnit.DAYS))),
                "another owner's");
        assertFalse(manager.mayManage(token("ada", Set.of("customers:write"), NOW.plus(2, ChronoUnit.DAYS))),
                "beyond its rights");
        assertFalse(manager.mayManage(token("ada", Set.of("customers:read"), IN_TEN_DAYS.plusSeconds(1))),
                "outliving it");
        assertFalse(manager.mayManage(token("ada", Set.of("customers:read"), null)), "never expiring");
    }

    @Test
    void aTokensNewTokensDieWithIt() {
        Grantor manager = Grantor.token("ada", Set.of("mcp-tokens"), IN_TEN_DAYS);
        assertEquals(IN_TEN_DAYS, manager.expiry(null, false, NOW.plus(90, ChronoUnit.DAYS)), "the default cut");
        assertEquals(NOW.plusSeconds(60), manager.expiry(null, false, NOW.plusSeconds(60)), "a shorter default");
        assertEquals(403, assertThrows(TokenException.class, () -> manager.expiry(null, true, null)).status());
        assertEquals(403, assertThrows(TokenException.class,
                () -> manager.expiry(IN_TEN_DAYS.plusSeconds(1), false, null)).status());
        assertEquals(IN_TEN_DAYS, manager.expiry(IN_TEN_DAYS, false, null));
    }

    @Test
    void aTokenThatNeverExpiresIsNotBoundedByExpiry() {
        Grantor forever = Grantor.token("ada", Set.of("mcp-tokens", "customers:read"), null);
        assertTrue(forever.mayManage(token("ada", Set.of("customers:read"), null)));
        assertNull(forever.expiry(null, true, null));
    }

    @Test
    void aPersonManagesTheirOwnTokensWithinTheirRights() {
        Grantor person = Grantor.person("ada", Set.of("customers:read"), false);
        assertTrue(person.mayManage(token("ada", Set.of("customers:read", "mcp-tokens"), null)),
                "a person holds mcp-tokens by nature, and is not bounded by an expiry");
        assertFalse(person.mayManage(token("ada", Set.of("customers:delete"), null)));
        assertFalse(person.mayManage(token("bob", Set.of(), null)));
        assertNull(person.expiry(null, true, null));
    }

    @Test
    void anAdminManagesEveryTokenButATokenAdminStaysWithinItsLife() {
        Grantor admin = Grantor.person("root", Set.of("mcp-admin"), true);
        assertTrue(admin.mayManage(token("bob", Set.of("customers:delete"), null)));
        Grantor expiringAdmin = Grantor.token("root", Set.of("mcp-admin"), IN_TEN_DAYS);
        assertTrue(expiringAdmin.mayManage(token("bob", Set.of("customers:delete"), NOW.plusSeconds(5))));
        assertFalse(expiringAdmin.mayManage(token("bob", Set.of(), null)),
                "an expiring admin token cannot keep a permanent one alive");
    }
}
