package io.mcpee.security;

import io.mcpee.tools.AccessRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

/** Decides whether the current caller may use a tool, by the tool's {@link AccessRule} and the caller's roles. */
@ApplicationScoped
public class ToolAccess {
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
        // the caller our mechanism authenticated for this request: no round trip through the container
        if (request.getAttribute(AuthenticatedCaller.REQUEST_ATTRIBUTE) instanceof AuthenticatedCaller caller) {
            return roles.roles().stream().anyMatch(caller.grants()::contains);
        }
        return security.getCallerPrincipal() != null && roles.roles().stream().anyMatch(this::hasRole);
    }

    /**
     * A role of the current caller: the grants of our own principal, which need no role mapping by the server;
     * the container's answer for any other principal.
     */
    private boolean hasRole(String role) {
        return security.getPrincipalsByType(AuthenticatedCaller.class).stream().findFirst()
                .map(caller -> caller.grants().contains(role)).orElseGet(() -> security.isCallerInRole(role));
    }
}
