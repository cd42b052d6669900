package io.mcpee.tokens;

import io.mcpee.security.AuthenticatedCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.NotAuthorizedException;

import java.security.Principal;
import java.util.Set;

/** The caller of the admin API as a {@link Grantor}: who they are and what they may grant. */
@RequestScoped
public class Administrators {
    private final SecurityContext security;

    @Inject
    Administrators(SecurityContext security) {
        this.security = security;
    }

    /** For the CDI client proxy only. */
    protected Administrators() {
        this.security = null;
    }

    Grantor current() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            throw new NotAuthorizedException("Bearer");
        }
        Set<String> held = security.getPrincipalsByType(AuthenticatedCaller.class).stream().findFirst()
                .map(AuthenticatedCaller::grants).orElse(Set.of());
        return new Grantor(principal.getName(), held, held.contains(Grantor.ADMIN_ROLE)
                || security.isCallerInRole(Grantor.ADMIN_ROLE));
    }
}
