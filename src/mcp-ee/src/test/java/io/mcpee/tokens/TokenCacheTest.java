package io.mcpee.tokens;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCacheTest {

    @Test
    void aTokenIsKeptUntilItsTtlHasPassed() throws Exception {
        TokenCache cache = new TokenCache("PT0.2S", 10);
        cache.keep(token("k1"), cache.generation());
        assertEquals(Optional.of(token("k1")), cache.find("k1"));
        Thread.sleep(250);
        assertEquals(Optional.empty(), cache.find("k1"), "older than the TTL: looked up again");
    }

    @Test
    void aCommittedChangeClearsEverything() {
        TokenCache cache = new TokenCache("PT1M", 10);
        cache.keep(token("k1"), cache.generation());
        cache.keep(token("k2"), cache.generation());
        cache.changed(TokensChanged.SEVERAL);
        assertEquals(Optional.empty(), cache.find("k1"));
        assertEquals(Optional.empty(), cache.find("k2"));
    }

    @Test
    void aLookupThatBeganBeforeAChangeIsNotKept() {
        TokenCache cache = new TokenCache("PT1M", 10);
        long before = cache.generation();
        cache.changed(TokensChanged.SEVERAL); // committed while the lookup read the old row
        cache.keep(token("k1"), before);
        assertEquals(Optional.empty(), cache.find("k1"));
        cache.keep(token("k1"), cache.generation());
        assertTrue(cache.find("k1").isPresent());
    }

    @Test
    void itNeverHoldsMoreThanItsMaximum() {
        TokenCache cache = new TokenCache("PT1M", 100);
        IntStream.range(0, 1000).forEach(i -> cache.keep(token("k" + i), cache.generation()));
        long kept = IntStream.range(0, 1000).filter(i -> cache.find("k" + i).isPresent()).count();
        assertTrue(kept <= 100 && kept >= 90, "kept " + kept);
        assertTrue(cache.find("k999").isPresent(), "the newest is kept");
    }

    @Test
    void aZeroTtlTurnsItOff() {
        TokenCache cache = new TokenCache("PT0S", 10);
        cache.keep(token("k1"), cache.generation());
        assertEquals(Optional.empty(), cache.find("k1"));
    }

    @Test
    void badSettingsAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TokenCache("soon", 10)).getMessage()
                .contains("mcpee.tokens.cache.ttl"));
        assertThrows(IllegalArgumentException.class, () -> new TokenCache("-PT1S", 10));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TokenCache("PT1S", 0)).getMessage()
                .contains("mcpee.tokens.cache.max-size"));
    }

    private static StoredToken token(String keyId) {
        return new StoredToken(1, keyId, "hash", "name", "ada", true, Instant.parse("2030-01-01T00:00:00Z"), null,
                Set.of("customers:read"));
    }
}
