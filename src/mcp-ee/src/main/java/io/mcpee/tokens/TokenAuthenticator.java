package io.mcpee.tokens;

import io.mcpee.persistence.DatabaseHealth;
import io.mcpee.persistence.DatabaseUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a presented agent token: one of ours, active, unexpired, and its secret's hash matching (compared in
 * constant time; an unknown key is compared against a dummy hash so that it takes as long as a wrong secret).
 * A plain CDI bean on the path of every request: no EJB container, no transaction, no JPA; in steady state no query
 * either ({@link TokenCache}).
 */
@ApplicationScoped
public class TokenAuthenticator {
    /** Compared against when a key is unknown, so that unknown keys take as long as wrong secrets. */
    private static final String DUMMY_HASH = TokenFormat.hash("0".repeat(64));

    private final TokenCache cache;
    private final TokenLookup lookup;
    private final LastUseRecorder lastUse;
    private final DatabaseHealth database;

    @Inject
    TokenAuthenticator(TokenCache cache, TokenLookup lookup, LastUseRecorder lastUse, DatabaseHealth database) {
        this.cache = cache;
        this.lookup = lookup;
        this.lastUse = lastUse;
        this.database = database;
    }

    /** For the CDI client proxy only. */
    protected TokenAuthenticator() {
        this(null, null, null, null);
    }

    /**
     * The identity of a presented token, if it is one of ours, active, unexpired and its secret matches.
     *
     * @throws DatabaseUnavailable the token could not be looked up: the database is unreachable or too slow
     */
    public Optional<TokenIdentity> authenticate(String presented) {
        Optional<TokenFormat.Parsed> parsed = TokenFormat.parse(presented);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        String keyId = parsed.get().keyId();
        Optional<StoredToken> found = cache.find(keyId);
        if (found.isEmpty()) {
            long generation = cache.generation();
            try {
                found = lookup.byKey(keyId);
            } catch (SQLException e) {
                DatabaseUnavailable unavailable = database.failed("token lookup", e);
                throw unavailable != null ? unavailable : new IllegalStateException("the token lookup failed", e);
            }
            database.reachable();
            found.ifPresent(token -> cache.keep(token, generation));
        }
        StoredToken token = found.orElse(null);
        boolean secretMatches = TokenFormat.matches(parsed.get().secret(),
                token == null ? DUMMY_HASH : token.secretHash());
        Instant now = Instant.now();
        if (token == null || !secretMatches || !token.isValid(now)) {
            return Optional.empty();
        }
        lastUse.used(token.id(), now);
        return Optional.of(new TokenIdentity(token.id(), token.keyId(), token.name(), token.owner(),
                token.permissions(), token.rateLimit(), token.expiresAt()));
    }
}
