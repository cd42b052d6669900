package io.mcpee.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tokens looked up recently, by public key id, so that a presented token costs no query in steady state. What is
 * kept is the row as authentication reads it (the secret's hash, never a secret): the secret is still compared in
 * constant time and the expiry checked against the clock on every use, so expiry is exact. Every change the admin API
 * makes clears the cache once it is committed ({@link TokensChanged}), so it takes effect on this server's next
 * request; a change written to the database behind the server's back (or by another server of a cluster) takes
 * effect within {@code mcpee.tokens.cache.ttl} (default 30 s; {@code PT0S} turns the cache off). At most
 * {@code mcpee.tokens.cache.max-size} tokens are kept; unknown keys never are, so guessing cannot fill it.
 */
@ApplicationScoped
class TokenCache {
    private final long ttlNanos;
    private final int maxSize;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Moves on at every clear: a lookup that began before a change is not kept after it. */
    private final AtomicLong generation = new AtomicLong();

    private record Entry(StoredToken token, long loadedAt) {
    }

    @Inject
    TokenCache(@ConfigProperty(name = "mcpee.tokens.cache.ttl", defaultValue = "PT30S") String ttl,
               @ConfigProperty(name = "mcpee.tokens.cache.max-size", defaultValue = "10000") int maxSize) {
        Duration parsed;
        try {
            parsed = Duration.parse(ttl);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("mcpee.tokens.cache.ttl: not an ISO-8601 duration: " + ttl, e);
        }
        if (parsed.isNegative()) {
            throw new IllegalArgumentException("mcpee.tokens.cache.ttl must not be negative: " + ttl);
        }
        if (maxSize < 1) {
            throw new IllegalArgumentException("mcpee.tokens.cache.max-size must be at least 1: " + maxSize);
        }
        this.ttlNanos = parsed.toNanos();
        this.maxSize = maxSize;
    }

    /** For the CDI client proxy only. */
    protected TokenCache() {
        this.ttlNanos = 0;
        this.maxSize = 1;
    }

    /** Where a lookup starts: pass it to {@link #keep} with what the lookup found. */
    long generation() {
        return generation.get();
    }

    /** The token with this key id as last looked up, unless that was longer ago than the TTL. */
    Optional<StoredToken> find(String keyId) {
        Entry entry = entries.get(keyId);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.loadedAt() >= ttlNanos) {
            entries.remove(keyId, entry);
            return Optional.empty();
        }
        return Optional.of(entry.token());
    }

    /** Keeps a token a lookup found, unless the tokens changed since the lookup began. */
    void keep(StoredToken token, long lookupGeneration) {
        if (ttlNanos == 0) {
            return;
        }
        if (entries.size() >= maxSize) {
            makeRoom();
        }
        entries.put(token.keyId(), new Entry(token, System.nanoTime()));
        if (generation.get() != lookupGeneration) {
            // a change committed while the lookup ran: what it read may be older than that change
            entries.remove(token.keyId());
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) TokensChanged changed) {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Drops the entries past their TTL, then, if still full, a tenth of the rest (whichever come first). */
    private void makeRoom() {
        long now = System.nanoTime();
        entries.values().removeIf(entry -> now - entry.loadedAt() >= ttlNanos);
        int excess = entries.size() - maxSize + Math.max(1, maxSize / 10);
        for (Iterator<String> keys = entries.keySet().iterator(); excess > 0 && keys.hasNext(); excess--) {
            keys.next();
            keys.remove();
        }
    }
}
