package io.mcpee.tokens;

import io.mcpee.api.McpIgnore;
import io.mcpee.protocol.JsonText;
import io.mcpee.api.AuthenticatedCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code GET /mcp-ee/api/me}: the caller as the admin API sees it — who, with which credential, and what it may do
 * here: manage tokens ({@code all}, its user's {@code own}, or {@code none}) and read the audit log. Any
 * authenticated caller may ask about itself; the admin page asks at sign-in to refuse credentials that can do
 * nothing here.
 */
@Path("me")
@McpIgnore
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {
    private static final String AUDITOR_ROLE = "mcp-auditor";

    private final Administrators administrators;
    private final HttpServletRequest request;

    @Inject
    CallerResource(Administrators administrators, HttpServletRequest request) {
        this.administrators = administrators;
        this.request = request;
    }

    /** For the CDI client proxy, and for JAX-RS, which wants a public constructor. */
    public CallerResource() {
        this(null, null);
    }

    @GET
    public String me() {
        Optional<AuthenticatedCaller> caller = AuthenticatedCaller.of(request);
        String manages;
        String user;
        try {
            Grantor grantor = administrators.current();
            manages = grantor.admin() ? "all" : "own";
            user = grantor.user();
        } catch (TokenException refused) {
            manages = "none";
            user = request.getUserPrincipal().getName();
        }
        JsonObjectBuilder json = JsonText.BUILDERS.createObjectBuilder().add("user", user)
                .add("credentialKind", caller.map(c -> c.kind().name()).orElse("CONTAINER"));
        caller.ifPresent(c -> {
            json.add("credentialId", c.credentialId()).add("credentialName", c.credentialName());
            c.credentialExpiresAt().ifPresent(at -> json.add("credentialExpiresAt", at.toString()));
            JsonArrayBuilder grants = JsonText.BUILDERS.createArrayBuilder();
            new TreeSet<>(c.grants()).forEach(grants::add);
            json.add("grants", grants);
        });
        boolean auditor = caller.map(c -> c.grants().contains(Grantor.ADMIN_ROLE)
                || c.grants().contains(AUDITOR_ROLE)).orElse(false);
        return json.add("manages", manages).add("readsAudit", auditor).build().toString();
    }
}
