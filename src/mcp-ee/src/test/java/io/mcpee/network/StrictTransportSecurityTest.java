package io.mcpee.network;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictTransportSecurityTest {

    @Test
    void policiesAreTakenAsWrittenAndOffSendsNone() {
        assertEquals("max-age=31536000", StrictTransportSecurity.policy(StrictTransportSecurity.DEFAULT));
        assertEquals("max-age=63072000; includeSubDomains; preload",
                StrictTransportSecurity.policy(" max-age=63072000; includeSubDomains; preload "));
        assertNull(StrictTransportSecurity.policy("off"));
        assertNull(StrictTransportSecurity.policy("OFF"));
    }

    @Test
    void anythingElseFailsNamingTheKey() {
        for (String bad : new String[] {"", "1 year", "max-age=-1", "max-age=1, evil", "max-age=1\r\nX-Injected: 1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StrictTransportSecurity.policy(bad));
            assertTrue(e.getMessage().startsWith("mcpee.security.hsts"), e.getMessage());
        }
    }
}
