package io.mcpee.tokens;

import io.mcpee.api.McpIgnore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Agent token administration. An {@code mcp-admin} manages every token; any authenticated user manages their own
 * (personal access tokens), within their own permissions. Another user's token is a 404 to a non-admin.
 * Never a tool: agents do not mint credentials.
 */
@Path("tokens")
@McpIgnore
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenAdminResource {
    private final TokenService tokens;
    private final TokenSettings settings;
    private final Administrators administrators;

    @Inject
    TokenAdminResource(TokenService tokens, TokenSettings settings, Administrators administrators) {
        this.tokens = tokens;
        this.settings = settings;
        this.administrators = administrators;
    }

    /** For the CDI client proxy, and for JAX-RS, which wants a public constructor. */
    public TokenAdminResource() {
        this(null, null, null);
    }

    @GET
    public List<TokenView> list(@QueryParam("owner") String owner) {
        Grantor grantor = administrators.current();
        String scope = grantor.admin() ? owner : grantor.user();
        Instant now = Instant.now();
        return tokens.list(scope).stream().map(t -> TokenView.of(t, settings, now)).toList();
    }

    @GET
    @Path("unused")
    public List<TokenView> unused(@QueryParam("days") @DefaultValue("30") String text) {
        Grantor grantor = administrators.current();
        // read here, not converted by JAX-RS, which answers a query parameter it cannot convert with 404
        int days;
        try {
            days = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (days < 0 || days > 36500) {
            throw new TokenException(400, "days must be a whole number between 0 and 36500");
        }
        Instant now = Instant.now();
        return tokens.unused(Duration.ofDays(days), grantor.admin() ? null : grantor.user()).stream()
                .map(t -> TokenView.of(t, settings, now)).toList();
    }

    /** The body is read by {@link TokenRequest#read}, not bound by JSON-B: see {@link AdminJson} for why. */
    @POST
    public Response create(InputStream body) {
        TokenRequest request = TokenRequest.read(body);
        IssuedToken issued = tokens.create(request.spec(), administrators.current());
        return Response.created(URI.create("tokens/" + issued.token().getId()))
                .entity(new TokenView.WithSecret(TokenView.of(issued.token(), settings, Instant.now()),
                        issued.plaintext())).build();
    }

    @GET
    @Path("{id}")
    public TokenView get(@PathParam("id") long id) {
        return TokenView.of(visible(id), settings, Instant.now());
    }

    @PATCH
    @Path("{id}")
    public TokenView update(@PathParam("id") long id, InputStream body) {
        TokenRequest request = TokenRequest.read(body);
        visible(id);
        AgentToken token = tokens.update(id, request.spec(), administrators.current());
        return TokenView.of(token, settings, Instant.now());
    }

    @POST
    @Path("{id}/regenerate")
    public TokenView.WithSecret regenerate(@PathParam("id") long id) {
        visible(id);
        IssuedToken issued = tokens.regenerate(id);
        return new TokenView.WithSecret(TokenView.of(issued.token(), settings, Instant.now()), issued.plaintext());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        visible(id);
        tokens.delete(id);
        return Response.noContent().build();
    }

    /** The token if this caller may see it; otherwise 404, never 403, so as not to confirm it exists. */
    private AgentToken visible(long id) {
        Grantor grantor = administrators.current();
        return tokens.find(id).filter(t -> grantor.admin() || t.getOwner().equals(grantor.user()))
                .orElseThrow(() -> new NotFoundException("token " + id + " not found"));
    }
}
