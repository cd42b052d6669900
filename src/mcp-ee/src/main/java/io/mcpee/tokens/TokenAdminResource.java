package io.mcpee.tokens;

import io.mcpee.api.McpIgnore;
import io.mcpee.audit.AdminAction;
import io.mcpee.audit.AdminAudit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
 * Agent token administration. Who may manage which tokens is {@link Grantor}'s rule: an {@code mcp-admin} every
 * token, a person their own tokens within their own rights, an agent token only with {@code mcp-tokens} and within
 * its own rights and lifetime, a plain agent token none (403). A token the caller may not manage is a 404 to them.
 * Every change is audited ({@link AdminAudit}), refused ones too. Never a tool: agents do not mint credentials.
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
    private final AdminAudit audit;

    @Inject
    TokenAdminResource(TokenService tokens, TokenSettings settings, Administrators administrators,
                       AdminAudit audit) {
        this.tokens = tokens;
        this.settings = settings;
        this.administrators = administrators;
        this.audit = audit;
    }

    /** For the CDI client proxy, and for JAX-RS, which wants a public constructor. */
    public TokenAdminResource() {
        this(null, null, null, null);
    }

    @GET
    public List<TokenView> list(@QueryParam("owner") String owner) {
        Grantor grantor = administrators.current();
        Instant now = Instant.now();
        return tokens.list(owner, grantor).stream().map(t -> TokenView.of(t, settings, now)).toList();
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
        return tokens.unused(Duration.ofDays(days), grantor).stream().map(t -> TokenView.of(t, settings, now))
                .toList();
    }

    /** The body is read by {@link TokenRequest#read}, not bound by JSON-B: see {@link AdminJson} for why. */
    @POST
    public Response create(InputStream body) {
        AdminAction action = AdminAction.of("tokens.create");
        return audit.record(action, () -> {
            TokenRequest request = TokenRequest.read(body);
            action.arguments(request.json());
            IssuedToken issued = tokens.create(request.spec(), administrators.current());
            action.target(target(issued.token()));
            return Response.created(URI.create("tokens/" + issued.token().id()))
                    .entity(new TokenView.WithSecret(TokenView.of(issued.token(), settings, Instant.now()),
                            issued.plaintext())).build();
        });
    }

    @GET
    @Path("{id}")
    public TokenView get(@PathParam("id") long id) {
        AgentToken token = tokens.find(id, administrators.current())
                .orElseThrow(() -> new TokenException(404, "token " + id + " not found"));
        return TokenView.of(token, settings, Instant.now());
    }

    /** A change of only {@code active} is recorded as {@code tokens.activate} or {@code tokens.deactivate}. */
    @PATCH
    @Path("{id}")
    public TokenView update(@PathParam("id") long id, InputStream body) {
        AdminAction action = AdminAction.on("tokens.update", "token " + id);
        return audit.record(action, () -> {
            TokenRequest request = TokenRequest.read(body);
            action.arguments(request.json());
            if (request.onlyActive()) {
                action.named(request.active() ? "tokens.activate" : "tokens.deactivate");
            }
            AgentToken token = tokens.update(id, request.spec(), administrators.current());
            action.target(target(token));
            return TokenView.of(token, settings, Instant.now());
        });
    }

    @POST
    @Path("{id}/regenerate")
    public TokenView.WithSecret regenerate(@PathParam("id") long id) {
        AdminAction action = AdminAction.on("tokens.regenerate", "token " + id);
        return audit.record(action, () -> {
            IssuedToken issued = tokens.regenerate(id, administrators.current());
            action.target(target(issued.token()));
            return new TokenView.WithSecret(TokenView.of(issued.token(), settings, Instant.now()),
                    issued.plaintext());
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        AdminAction action = AdminAction.on("tokens.delete", "token " + id);
        return audit.record(action, () -> {
            action.target(target(tokens.delete(id, administrators.current())));
            return Response.noContent().build();
        });
    }

    /** A token as the audit names it: id and name, never anything of its secret. */
    private static String target(AgentToken token) {
        return "token " + token.id() + " \"" + token.name() + "\"";
    }
}
