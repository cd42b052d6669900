package io.mcpee.api;

import jakarta.security.enterprise.CallerPrincipal;

import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The principal of a request mcp-ee authenticated: the user an agent acts for, and the credential it used (an agent
 * token's id and name, or a JWT's subject and client id). {@code grants} are the roles the credential carries —
 * a token's permissions, a JWT's groups and scopes — which is all the caller may do. An agent token may carry its
 * own rate limit, which the throttling guard applies instead of the configured default.
 * <p>
 * A resource method reads it from the request ({@link #of}) or as the principal of its {@code SecurityContext};
 * mcp-ee makes it, applications only read it.
 */
public class AuthenticatedCaller extends CallerPrincipal {
    /** The request attribute under which mcp-ee's mechanism leaves the caller it authenticated. */
    private static final String REQUEST_ATTRIBUTE = AuthenticatedCaller.class.getName();

    /**
     * The caller our mechanism authenticated for this request, read from the request itself: asking the container
     * (Soteria's getPrincipalsByType goes through JACC) costs far more on the hot path of every tool call.
     */
    public static Optional<AuthenticatedCaller> of(HttpServletRequest request) {
        return request.getAttribute(REQUEST_ATTRIBUTE) instanceof AuthenticatedCaller caller
                ? Optional.of(caller) : Optional.empty();
    }

    private final CallerKind kind;
    private final String credentialId;
    private final String credentialName;
    private final Set<String> grants;
    private final Map<String, Object> claims;
    private final String rateLimit;
    private final Instant credentialExpiresAt;

    public AuthenticatedCaller(String user, CallerKind kind, String credentialId, String credentialName,
                               Set<String> grants, Map<String, Object> claims) {
        this(user, kind, credentialId, credentialName, grants, claims, null, null);
    }

    /**
     * With the credential's own rate limit ({@code 100/minute}), or null for the configured default, and the
     * agent token's expiry, or null when it never expires (or is not an agent token).
     */
    public AuthenticatedCaller(String user, CallerKind kind, String credentialId, String credentialName,
                               Set<String> grants, Map<String, Object> claims, String rateLimit,
                               Instant credentialExpiresAt) {
        super(user);
        this.kind = kind;
        this.credentialId = credentialId;
        this.credentialName = credentialName;
        this.grants = Set.copyOf(grants);
        this.claims = Map.copyOf(claims);
        this.rateLimit = rateLimit;
        this.credentialExpiresAt = credentialExpiresAt;
    }

    /** Leaves this caller on the request it authenticated, for {@link #of}. */
    public void attachTo(HttpServletRequest request) {
        request.setAttribute(REQUEST_ATTRIBUTE, this);
    }

    /** When the agent token expires; empty when it never does, and for other credentials. */
    public Optional<Instant> credentialExpiresAt() {
        return Optional.ofNullable(credentialExpiresAt);
    }

    /** The agent token's own rate limit, as stored ({@code 100/minute}); empty: the configured default. */
    public Optional<String> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    /**
     * A JWT caller's verified claims (empty for agent tokens). Resource code reads them through
     * {@code SecurityContext.getPrincipalsByType(AuthenticatedCaller.class)}.
     */
    public Map<String, Object> claims() {
        return claims;
    }

    public CallerKind kind() {
        return kind;
    }

    /** The agent token's database id, or the JWT's subject. */
    public String credentialId() {
        return credentialId;
    }

    /** The agent token's name, or the JWT's client id ({@code azp}). */
    public String credentialName() {
        return credentialName;
    }

    public Set<String> grants() {
        return grants;
    }

    @Override
    public String toString() {
        return "AuthenticatedCaller[" + getName() + " via " + kind + " " + credentialName + "]";
    }
}
