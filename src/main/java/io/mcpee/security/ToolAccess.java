package io.mcpee.security;

import io.mcpee.tools.AccessRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/** Decides whether the current caller may use a tool, by the tool's {@link AccessRule} and the caller's roles. */
@ApplicationScoped
public class ToolAccess {
    private final SecurityContext security;

    @Inject
    ToolAccess(SecurityContext security) {
        this.security = security;
    }

    /** For the CDI client proxy only. */
    protected ToolAccess() {
        this.security = null;
    }

    public boolean permits(AccessRule rule) {
        if (rule instanceof AccessRule.Anyone) {
            return true;
        }
        if (rule instanceof AccessRule.NoOne || security.getCallerPrincipal() == null) {
            return false;
        }
        return rule instanceof AccessRule.AnyRoleOf roles && roles.roles().stream().anyMatch(this::hasRole);
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
