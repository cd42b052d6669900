package io.mcpee.tokens;

import io.mcpee.api.AuthenticatedCaller;
import io.mcpee.api.CallerKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/** The caller of the admin API as a {@link Grantor}: who they are, and what they may manage and grant. */
@RequestScoped
public class Administrators {
    private final HttpServletRequest request;

    @Inject
    Administrators(HttpServletRequest request) {
        this.request = request;
    }

    /** For the CDI client proxy only. */
    protected Administrators() {
        this.request = null;
    }

    /**
     * @throws NotAuthorizedException no caller
     * @throws TokenException         403 for an agent token that may not manage tokens
     */
    Grantor current() {
        Optional<AuthenticatedCaller> ours = AuthenticatedCaller.of(request);
        if (ours.isPresent()) {
            AuthenticatedCaller caller = ours.get();
            if (caller.kind() == CallerKind.AGENT_TOKEN) {
                return Grantor.token(caller.getName(), caller.grants(), caller.credentialExpiresAt().orElse(null));
            }
            if (caller.kind() == CallerKind.JWT) {
                return Grantor.person(caller.getName(), caller.grants(), caller.grants().contains(Grantor.ADMIN_ROLE));
            }
        }
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            throw new NotAuthorizedException("Bearer");
        }
        // a user the application's own sign-in authenticated: their roles are the container's to tell
        return Grantor.person(principal.getName(), Set.of(), request.isUserInRole(Grantor.ADMIN_ROLE));
    }
}
