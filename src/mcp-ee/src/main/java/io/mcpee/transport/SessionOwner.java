package io.mcpee.transport;

import io.mcpee.api.AuthenticatedCaller;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

/**
 * The caller a session belongs to: the credential that opened it (an agent token by its id, so it survives the
 * token's regeneration; a JWT by its subject) and the user it acts for. Another caller presenting the session's id
 * is told the session does not exist (MCP security guidance: bind session ids to user-specific information), so
 * a session id leaked or guessed is worth nothing without its credential, and one agent's client information never
 * lands in another's audit entries.
 */
record SessionOwner(String kind, String credentialId, String user) {
    static final SessionOwner ANONYMOUS = new SessionOwner("ANONYMOUS", null, null);

    static SessionOwner of(HttpServletRequest request) {
        var ours = AuthenticatedCaller.of(request);
        if (ours.isPresent()) {
            AuthenticatedCaller caller = ours.get();
            return new SessionOwner(caller.kind().name(), caller.credentialId(), caller.getName());
        }
        Principal principal = request.getUserPrincipal();
        return principal == null ? ANONYMOUS : new SessionOwner("CONTAINER", null, principal.getName());
    }
}
