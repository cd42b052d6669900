package io.mcpee.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps {@code last_used_at} current without a database write per request: a token's use is written at most once
 * per {@code mcpee.tokens.last-used-granularity} (default one minute) per server.
 */
@ApplicationScoped
public class LastUseRecorder {
    private final Map<Long, Instant> written = new ConcurrentHashMap<>();
    private final LastUseWriter writer;
    private final TokenSettings settings;

    @Inject
    LastUseRecorder(LastUseWriter writer, TokenSettings settings) {
        this.writer = writer;
        this.settings = settings;
    }

    /** For the CDI client proxy only. */
    protected LastUseRecorder() {
        this.writer = null;
        this.settings = null;
    }

    void used(long tokenId, Instant now) {
        Instant last = written.get(tokenId);
        if (last != null && now.isBefore(last.plus(settings.lastUseGranularity()))) {
            return;
        }
        if (last == null ? written.putIfAbsent(tokenId, now) == null : written.replace(tokenId, last, now)) {
            writer.record(tokenId, now);
        }
    }

    void forget(long tokenId) {
        written.remove(tokenId);
    }
}
