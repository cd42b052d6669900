package io.mcpee.tokens;

import io.mcpee.guard.Rate;
import io.mcpee.guard.ThrottleSettings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Agent tokens and token groups: issue, rotate, revoke (authentication is {@link TokenAuthenticator}'s).
 * Container-managed transactions.
 */
@Stateless
public class TokenService {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private TokenSettings settings;

    @Inject
    private LastUseRecorder lastUse;

    @Inject
    private ThrottleSettings throttle;

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
        AgentToken token = new AgentToken(generated.keyId(), generated.secretHash(), name, owner, now, expiresAt);
        token.setActive(spec.active() == null || spec.active());
        token.setPermissions(permissions);
        token.setGroups(groups);
        token.setRateLimit(rateLimit);
        em.persist(token);
        return new IssuedToken(token, generated.plaintext());
    }

    /** Creates or restores a token with a plaintext chosen by the operator (the bootstrap admin token). */
    public AgentToken ensure(String plaintext, String name, String owner, Set<String> permissions) {
        TokenFormat.Parsed parsed = TokenFormat.parse(plaintext).orElseThrow(
                () -> new TokenException(400, "not an mcp-ee token: expected " + TokenFormat.SHAPE.pattern()));
        List<AgentToken> found = em.createQuery("SELECT t FROM AgentToken t WHERE t.keyId = :key", AgentToken.class)
                .setParameter("key", parsed.keyId()).getResultList();
        AgentToken token;
        if (found.isEmpty()) {
            token = new AgentToken(parsed.keyId(), TokenFormat.hash(parsed.secret()), name, owner,
                    TokenInput.stored(Instant.now()),
                    null);
            em.persist(token);
        } else {
            token = found.get(0);
            token.replaceSecret(parsed.keyId(), TokenFormat.hash(parsed.secret()));
            token.setActive(true);
            token.setExpiresAt(null);
        }
        Set<String> all = new HashSet<>(token.getPermissions());
        all.addAll(permissions);
        token.setPermissions(all);
        return token;
    }

    /** The tokens this caller may manage, of {@code owner} (null: of every owner an admin sees). */
    public List<AgentToken> list(String owner, Grantor grantor) {
        String scope = grantor.admin() ? owner : grantor.user();
        List<AgentToken> tokens = scope == null
                ? em.createQuery("SELECT t FROM AgentToken t ORDER BY t.id", AgentToken.class).getResultList()
                : em.createQuery("SELECT t FROM AgentToken t WHERE t.owner = :owner ORDER BY t.id", AgentToken.class)
                .setParameter("owner", scope).getResultList();
        return tokens.stream().filter(grantor::mayManage).toList();
    }

    /** The token, if this caller may manage it; to anyone else it does not exist. */
    public Optional<AgentToken> find(long id, Grantor grantor) {
        return Optional.ofNullable(em.find(AgentToken.class, id)).filter(grantor::mayManage);
    }

    /**
     * Changes what is given; null fields are left as they are (the owner cannot be changed). Everything is checked
     * before anything is changed.
     */
    public AgentToken update(long id, TokenSpec changes, Grantor grantor) {
        AgentToken token = manageable(id, grantor);
        if (changes.owner() != null && !changes.owner().strip().equals(token.getOwner())) {
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

        if (name != null) {
            token.setName(name);
        }
        if (changes.active() != null) {
            token.setActive(changes.active());
        }
        if (changes.neverExpires()) {
            token.setExpiresAt(null);
        } else if (expiresAt != null) {
            token.setExpiresAt(expiresAt);
        }
        if (changes.rateLimit() != null) {
            token.setRateLimit(rateLimit); // blank: back to the default
        }
        if (permissions != null) {
            token.setPermissions(permissions);
        }
        if (groups != null) {
            token.setGroups(groups);
        }
        return token;
    }

    /** A new secret (and key): the old token stops working at once. */
    public IssuedToken regenerate(long id, Grantor grantor) {
        AgentToken token = manageable(id, grantor);
        TokenFormat.Generated generated = TokenFormat.generate();
        token.replaceSecret(generated.keyId(), generated.secretHash());
        lastUse.forget(token.getId());
        return new IssuedToken(token, generated.plaintext());
    }

    /** Deletes the token; returns what it was. */
    public AgentToken delete(long id, Grantor grantor) {
        AgentToken token = manageable(id, grantor);
        em.remove(token);
        lastUse.forget(id);
        return token;
    }

    /**
     * The tokens this caller may manage that were not used for {@code idle} (never used ones count from their
     * creation).
     */
    public List<AgentToken> unused(Duration idle, Grantor grantor) {
        String owner = grantor.admin() ? null : grantor.user();
        Instant before = Instant.now().minus(idle);
        String ownerClause = owner == null ? "" : " AND t.owner = :owner";
        var query = em.createQuery("SELECT t FROM AgentToken t WHERE ((t.lastUsedAt IS NULL AND t.createdAt < :before)"
                + " OR t.lastUsedAt < :before)" + ownerClause + " ORDER BY t.id", AgentToken.class)
                .setParameter("before", before);
        if (owner != null) {
            query.setParameter("owner", owner);
        }
        return query.getResultList().stream().filter(grantor::mayManage).toList();
    }

    public boolean anyActiveAdminToken() {
        return em.createQuery("SELECT COUNT(t) FROM AgentToken t JOIN t.permissions p WHERE t.active = TRUE "
                + "AND p = :admin AND (t.expiresAt IS NULL OR t.expiresAt > :now)", Long.class)
                .setParameter("admin", Grantor.ADMIN_ROLE).setParameter("now", Instant.now())
                .getSingleResult() > 0;
    }

    public List<TokenGroup> groups() {
        return em.createQuery("SELECT g FROM TokenGroup g ORDER BY g.name", TokenGroup.class).getResultList();
    }

    public TokenGroup createGroup(String name, Set<String> permissions, Grantor grantor) {
        if (!grantor.admin()) {
            throw new TokenException(403, "only an mcp-admin may manage token groups");
        }
        String clean = TokenInput.text("name", name, TokenInput.GROUP_NAME);
        Set<String> grants = permissions(permissions);
        if (!findGroups(Set.of(clean)).isEmpty()) {
            throw exists(clean);
        }
        TokenGroup group = new TokenGroup(clean, grants);
        em.persist(group);
        try {
            // two admins creating the same name at once both pass the check above; the unique name decides, here
            // rather than at commit, where it would be a 500
            em.flush();
        } catch (PersistenceException e) {
            if (!violatesConstraint(e)) {
                throw e;
            }
            throw exists(clean);
        }
        return group;
    }

    /** Deletes the group (and takes it from every token that has it); returns what it was. */
    public Optional<TokenGroup> deleteGroup(long id, Grantor grantor) {
        if (!grantor.admin()) {
            throw new TokenException(403, "only an mcp-admin may manage token groups");
        }
        TokenGroup group = em.find(TokenGroup.class, id);
        if (group == null) {
            return Optional.empty();
        }
        for (AgentToken token : em.createQuery("SELECT t FROM AgentToken t JOIN t.groups g WHERE g = :group",
                AgentToken.class).setParameter("group", group).getResultList()) {
            Set<TokenGroup> remaining = new HashSet<>(token.getGroups());
            remaining.removeIf(g -> g.getId().equals(group.getId()));
            token.setGroups(remaining);
        }
        em.remove(group);
        return Optional.of(group);
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
        Set<TokenGroup> groups = new HashSet<>(findGroups(names));
        if (groups.size() != names.size()) {
            Set<String> missing = new HashSet<>(names);
            groups.forEach(g -> missing.remove(g.getName()));
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

    private List<TokenGroup> findGroups(Set<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT g FROM TokenGroup g WHERE g.name IN :names", TokenGroup.class)
                .setParameter("names", names).getResultList();
    }

    private static void requireGrantable(Grantor grantor, Set<String> permissions, Set<TokenGroup> groups) {
        Set<String> all = new HashSet<>(permissions);
        groups.forEach(g -> all.addAll(g.getPermissions()));
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
