package io.mcpee.tokens;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Who manages tokens through the admin API, and within what bounds. An {@code mcp-admin} manages every token;
 * anyone else only their own user's tokens, and only those whose effective permissions are within what they hold
 * (others do not exist for them), so that no one gains a right by regenerating or extending a token. A token may
 * manage tokens only when it holds {@code mcp-tokens} (or {@code mcp-admin}), and then in addition only tokens that
 * expire no later than itself ({@code notAfter}): a token never makes or keeps alive one that outlives it. People
 * (JWTs from the SSO, users of the application's own sign-in) hold {@code mcp-tokens} by nature: managing their
 * own tokens is their act.
 *
 * @param user     the user the caller is, or acts for: the owner of the tokens it makes
 * @param held     what the caller may grant: its own grants
 * @param admin    an {@code mcp-admin}: manages and grants anything (within {@code notAfter})
 * @param notAfter for a token that expires, its expiry; empty for people and for tokens that never expire
 */
public record Grantor(String user, Set<String> held, boolean admin, Optional<Instant> notAfter) {
    public static final String ADMIN_ROLE = "mcp-admin";
    /** Lets a token manage its owner's tokens, within its own permissions and lifetime. */
    public static final String MANAGER_ROLE = "mcp-tokens";

    public Grantor {
        requireNonNull(user, "user is null");
        held = Set.copyOf(held);
        requireNonNull(notAfter, "notAfter is null");
    }

    /** A person: holds {@code mcp-tokens} as well as {@code grants}. */
    static Grantor person(String user, Set<String> grants, boolean admin) {
        Set<String> held = new HashSet<>(grants);
        held.add(MANAGER_ROLE);
        return new Grantor(user, held, admin, Optional.empty());
    }

    /**
     * A token that manages tokens, bounded by its own grants and expiry (null: never).
     *
     * @throws TokenException 403 when the token may not manage tokens at all
     */
    static Grantor token(String owner, Set<String> grants, Instant expiresAt) {
        boolean admin = grants.contains(ADMIN_ROLE);
        if (!admin && !grants.contains(MANAGER_ROLE)) {
            throw new TokenException(403, "this agent token may not manage tokens: that takes the permission "
                    + MANAGER_ROLE + " (its owner's tokens) or " + ADMIN_ROLE + " (all tokens)");
        }
        return new Grantor(owner, grants, admin, Optional.ofNullable(expiresAt));
    }

    boolean mayGrant(Set<String> permissions) {
        return admin || held.containsAll(permissions);
    }

    /** Whether this caller may see and change the token: otherwise it is a 404 to them. */
    boolean mayManage(AgentToken token) {
        return (admin || token.owner().equals(user)) && mayGrant(token.allPermissions())
                && mayOutlive(token.expiresAt());
    }

    /** Whether a token expiring at {@code expiresAt} (null: never) is within this caller's lifetime. */
    boolean mayOutlive(Instant expiresAt) {
        return notAfter.isEmpty() || expiresAt != null && !expiresAt.isAfter(notAfter.get());
    }

    /**
     * The expiry a token made or changed by this caller gets: {@code requested} (null: never), or for a new token
     * that names none the default ({@code defaultExpiry}), cut to this caller's own expiry.
     *
     * @throws TokenException 403 when the token would outlive this caller
     */
    Instant expiry(Instant requested, boolean never, Instant defaultExpiry) {
        if (never && notAfter.isPresent()) {
            throw new TokenException(403, "a token that expires cannot make a token that never expires");
        }
        if (!never && requested == null) {
            return notAfter.filter(defaultExpiry::isAfter).orElse(defaultExpiry);
        }
        if (!mayOutlive(requested)) {
            throw new TokenException(403, "a token cannot make a token that expires after itself ("
                    + notAfter.orElseThrow() + ")");
        }
        return requested;
    }
}
