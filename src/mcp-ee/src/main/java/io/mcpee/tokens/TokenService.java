package io.mcpee.tokens;

import io.mcpee.api.Rate;
import io.mcpee.guard.ThrottleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Agent tokens and token groups: issue, rotate, revoke (authentication is {@link TokenAuthenticator}'s). Every
 * method runs in a transaction: the caller's (the admin API's, which its audit entry joins), or one of its own.
 */
@ApplicationScoped
@Transactional
public class TokenService {
    private final TokenStore store;
    private final TokenSettings settings;
    private final LastUseRecorder lastUse;
    private final ThrottleSettings throttle;

    @Inject
    TokenService(TokenStore store, TokenSettings settings, LastUseRecorder lastUse, ThrottleSettings throttle) {
        this.store = store;
        this.settings = settings;
        this.lastUse = lastUse;
        this.throttle = throttle;
    }

    /** For the CDI client proxy only. */
    protected TokenService() {
        this(null, null, null, null);
    }

    public IssuedToken create(TokenSpec spec, Grantor grantor) {
        String name = TokenInput.text("name", spec.name(), TokenInput.TOKEN_NAME);
        // the grantor's own name is checked too: a JWT's user name can be longer than the column
        String owner = TokenInput.text("owner", spec.owner() == null ? grantor.user() : spec.owner(),
                TokenInput.OWNER);
        if (!owner.equals(grantor.user()) && !grantor.admin()) {
            throw new TokenException(403, "only an mcp-admin may create tokens for another user");
        }
        Set<String> permissions = permissions(Objects.requireNonNullElse(spec.permissions(), Set.of()));
        Set<TokenGroup> groups = groups(Objects.requireNonNullElse(spec.groups(), Set.of()));
        requireGrantable(grantor, permissions, groups);
        Instant now = TokenInput.stored(Instant.now());
        Instant expiresAt = grantor.expiry(spec.expiresAt() == null ? null : futureExpiry(spec.expiresAt(), now),
                spec.neverExpires(), now.plus(settings.defaultLifetime()));
        String rateLimit = rate(spec.rateLimit(), grantor);
        TokenFormat.Generated generated = TokenFormat.generate();
        AgentToken token = store.insert(generated.keyId(), generated.secretHash(), name, owner,
                spec.active() == null || spec.active(), now, expiresAt, rateLimit, permissions, groups);
        return new IssuedToken(token, generated.plaintext());
    }

    /** Creates or restores a token with a plaintext chosen by the operator (the bootstrap admin token). */
    public AgentToken ensure(String plaintext, String name, String owner, Set<String> permissions) {
        TokenFormat.Parsed parsed = TokenFormat.parse(plaintext).orElseThrow(
                () -> new TokenException(400, "not an mcp-ee token: expected " + TokenFormat.SHAPE.pattern()));
        String hash = TokenFormat.hash(parsed.secret());
        Optional<Long> existing = store.idOfKey(parsed.keyId());
        if (existing.isEmpty()) {
            return store.insert(parsed.keyId(), hash, name, owner, true, TokenInput.stored(Instant.now()), null, null,
                    permissions, Set.of());
        }
        store.restore(existing.get(), parsed.keyId(), hash);
        AgentToken token = store.find(existing.get()).orElseThrow();
        Set<String> all = new HashSet<>(token.permissions());
        all.addAll(permissions);
        return store.update(with(token, token.name(), true, null, token.rateLimit(), all, token.groups()));
    }

    /** The tokens this caller may manage, of {@code owner} (null: of every owner an admin sees). */
    public List<AgentToken> list(String owner, Grantor grantor) {
        return store.list(grantor.admin() ? owner : grantor.user()).stream().filter(grantor::mayManage).toList();
    }

    /** The token, if this caller may manage it; to anyone else it does not exist. */
    public Optional<AgentToken> find(long id, Grantor grantor) {
        return store.find(id).filter(grantor::mayManage);
    }

    /**
     * Changes what is given; null fields are left as they are (the owner cannot be changed). Everything is checked
     * before anything is changed.
     */
    public AgentToken update(long id, TokenSpec changes, Grantor grantor) {
        AgentToken token = manageable(id, grantor);
        if (changes.owner() != null && !changes.owner().strip().equals(token.owner())) {
            // the agent acts as its owner: another owner is another token, made by create
            throw new TokenException(400, "a token's owner cannot be changed; create a token for the new owner");
        }
        String name = changes.name() == null ? null : TokenInput.text("name", changes.name(), TokenInput.TOKEN_NAME);
        Instant expiresAt = changes.neverExpires() || changes.expiresAt() == null ? null
                : futureExpiry(changes.expiresAt(), Instant.now());
        if (changes.neverExpires() || expiresAt != null) {
            grantor.expiry(expiresAt, changes.neverExpires(), null);
        }
        String rateLimit = changes.rateLimit() == null || changes.rateLimit().isBlank() ? null
                : rate(changes.rateLimit(), grantor);
        // grants given replace the token's (permissions and groups each on their own); the grantor must be able to
        // grant what it sets, not what it leaves as it was
        Set<String> permissions = changes.permissions() == null ? null : permissions(changes.permissions());
        Set<TokenGroup> groups = changes.groups() == null ? null : groups(changes.groups());
        requireGrantable(grantor, Objects.requireNonNullElse(permissions, Set.of()),
                Objects.requireNonNullElse(groups, Set.of()));

        return store.update(with(token,
                name != null ? name : token.name(),
                changes.active() != null ? changes.active() : token.active(),
                changes.neverExpires() ? null : expiresAt != null ? expiresAt : token.expiresAt(),
                changes.rateLimit() != null ? rateLimit : token.rateLimit(), // blank: back to the default
                permissions != null ? permissions : token.permissions(),
                groups != null ? groups : token.groups()));
    }

    /** The token with these changeable fields. */
    private static AgentToken with(AgentToken token, String name, boolean active, Instant expiresAt, String rateLimit,
                                   Set<String> permissions, Set<TokenGroup> groups) {
        return new AgentToken(token.id(), token.keyId(), name, token.owner(), active, token.createdAt(), expiresAt,
                token.lastUsedAt(), rateLimit, permissions, groups);
    }

    /** A new secret (and key): the old token stops working at once. */
    public IssuedToken regenerate(long id, Grantor grantor) {
        manageable(id, grantor);
        TokenFormat.Generated generated = TokenFormat.generate();
        AgentToken token = store.replaceSecret(id, generated.keyId(), generated.secretHash());
        lastUse.forget(id);
        return new IssuedToken(token, generated.plaintext());
    }

    /** Deletes the token; returns what it was. */
    public AgentToken delete(long id, Grantor grantor) {
        AgentToken token = manageable(id, grantor);
        store.delete(id);
        lastUse.forget(id);
        return token;
    }

    /**
     * The tokens this caller may manage that were not used for {@code idle} (never used ones count from their
     * creation).
     */
    public List<AgentToken> unused(Duration idle, Grantor grantor) {
        String owner = grantor.admin() ? null : grantor.user();
        return store.unusedSince(Instant.now().minus(idle), owner).stream().filter(grantor::mayManage).toList();
    }

    public boolean anyActiveAdminToken() {
        return store.anyActiveHolding(Grantor.ADMIN_ROLE, Instant.now());
    }

    public List<TokenGroup> groups() {
        return store.groups();
    }

    public TokenGroup createGroup(String name, Set<String> permissions, Grantor grantor) {
        if (!grantor.admin()) {
            throw new TokenException(403, "only an mcp-admin may manage token groups");
        }
        String clean = TokenInput.text("name", name, TokenInput.GROUP_NAME);
        Set<String> grants = permissions(permissions);
        if (!store.groupsNamed(Set.of(clean)).isEmpty()) {
            throw exists(clean);
        }
        try {
            // two admins creating the same name at once both pass the check above; the unique name decides
            return store.insertGroup(clean, grants);
        } catch (SQLException e) {
            if (!violatesConstraint(e)) {
                throw store.failure(e);
            }
            throw exists(clean);
        }
    }

    /** Deletes the group (and takes it from every token that has it); returns what it was. */
    public Optional<TokenGroup> deleteGroup(long id, Grantor grantor) {
        if (!grantor.admin()) {
            throw new TokenException(403, "only an mcp-admin may manage token groups");
        }
        Optional<TokenGroup> group = store.group(id);
        group.ifPresent(g -> store.deleteGroup(g.id()));
        return group;
    }

    /** The token if this caller may manage it; otherwise 404, never 403, so as not to confirm it exists. */
    private AgentToken manageable(long id, Grantor grantor) {
        return find(id, grantor).orElseThrow(() -> new TokenException(404, "token " + id + " not found"));
    }

    /** Permissions as they are stored: checked, stripped. */
    private static Set<String> permissions(Set<String> permissions) {
        return TokenInput.texts("each permission", permissions, TokenInput.PERMISSION);
    }

    /** The groups of these names, each of which must exist. */
    private Set<TokenGroup> groups(Set<String> given) {
        Set<String> names = TokenInput.texts("each group name", given, TokenInput.GROUP_NAME);
        Set<TokenGroup> groups = new HashSet<>(store.groupsNamed(names));
        if (groups.size() != names.size()) {
            Set<String> missing = new HashSet<>(names);
            groups.forEach(g -> missing.remove(g.name()));
            throw new TokenException(400, "unknown token groups: " + missing);
        }
        return groups;
    }

    private static TokenException exists(String group) {
        return new TokenException(409, "a token group named \"" + group + "\" exists");
    }

    /** An integrity constraint refused the statement (SQLSTATE class 23), whichever provider wrapped it. */
    private static boolean violatesConstraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static void requireGrantable(Grantor grantor, Set<String> permissions, Set<TokenGroup> groups) {
        Set<String> all = new HashSet<>(permissions);
        groups.forEach(g -> all.addAll(g.permissions()));
        if (!grantor.mayGrant(all)) {
            Set<String> excess = new HashSet<>(all);
            excess.removeAll(grantor.held());
            throw new TokenException(403, "a token cannot be granted permissions its creator does not hold: "
                    + new java.util.TreeSet<>(excess));
        }
    }

    /** On create and update alike: a token is ended with {@code active: false}, not with an expiry already past. */
    private static Instant futureExpiry(Instant expiresAt, Instant now) {
        if (!expiresAt.isAfter(now)) {
            throw new TokenException(400, "expiresAt must be in the future");
        }
        return TokenInput.expiry(expiresAt);
    }

    /**
     * A valid rate, normalized. Only an mcp-admin may give a token more than the configured default: otherwise any
     * user could lift the throttling of their own agents.
     */
    private String rate(String text, Grantor grantor) {
        if (text == null) {
            return null;
        }
        Rate rate;
        try {
            rate = Rate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TokenException(400, "rateLimit: " + e.getMessage());
        }
        if (!grantor.admin() && rate.exceeds(throttle.authenticated())) {
            throw new TokenException(403, "only an mcp-admin may give a token a rateLimit above the default "
                    + throttle.authenticated());
        }
        return rate.toString();
    }
}
