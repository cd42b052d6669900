package io.mcpee.security;

import io.mcpee.api.AuthenticatedCaller;
import io.mcpee.schema.CallerRoles;
import io.mcpee.tools.AccessRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * Decides whether the current caller may use a tool, by the tool's {@link AccessRule} and the caller's roles; the
 * same roles decide which {@code @Sensitive} result properties it sees ({@link CallerRoles}).
 */
@ApplicationScoped
public class ToolAccess implements CallerRoles {
    private final SecurityContext security;
    private final HttpServletRequest request;

    @Inject
    ToolAccess(SecurityContext security, HttpServletRequest request) {
        this.security = security;
        this.request = request;
    }

    /** For the CDI client proxy only. */
    protected ToolAccess() {
        this.security = null;
        this.request = null;
    }

    public boolean permits(AccessRule rule) {
        if (rule instanceof AccessRule.Anyone) {
            return true;
        }
        if (!(rule instanceof AccessRule.AnyRoleOf roles)) {
            return false;
        }
        return roles.roles().stream().anyMatch(this::has);
    }

    /**
     * A role of the current caller: the grants of our own principal, which need no role mapping by the server;
     * the container's answer for any other principal.
     */
    @Override
    public boolean has(String role) {
        // the caller our mechanism authenticated for this request: no round trip through the container
        Optional<AuthenticatedCaller> caller = AuthenticatedCaller.of(request);
        if (caller.isPresent()) {
            return caller.get().grants().contains(role);
        }
        return security.getCallerPrincipal() != null && security.isCallerInRole(role);
    }
}
