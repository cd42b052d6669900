package io.mcpee.security;

import io.mcpee.tools.AccessRule;
import io.mcpee.tools.CallerRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/**
 * Decides whether the current caller may use a tool, by the tool's {@link AccessRule} and the caller's roles; the
 * same roles decide which {@code @Sensitive} result properties it sees ({@link CallerRoles}).
 */
@ApplicationScoped
public class ToolAccess implements CallerRoles {
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
        return rule instanceof AccessRule.AnyRoleOf roles && roles.roles().stream().anyMatch(this::has);
    }

    /**
     * A role of the current caller: the grants of our own principal, which need no role mapping by the server;
     * the container's answer for any other principal.
     */
    @Override
    public boolean has(String role) {
        if (security.getCallerPrincipal() == null) {
            return false;
        }
        return security.getPrincipalsByType(AuthenticatedCaller.class).stream().findFirst()
                .map(caller -> caller.grants().contains(role)).orElseGet(() -> security.isCallerInRole(role));
    }
}
