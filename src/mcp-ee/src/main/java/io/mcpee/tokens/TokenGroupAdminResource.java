package io.mcpee.tokens;

import io.mcpee.api.McpIgnore;
import io.mcpee.audit.AdminAction;
import io.mcpee.audit.AdminAudit;
import jakarta.enterprise.context.RequestScoped;
import io.mcpee.protocol.JsonText;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Token groups: named permission sets; managed by {@code mcp-admin} (every change audited), readable by whoever
 * may manage tokens.
 */
@Path("token-groups")
@McpIgnore
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenGroupAdminResource {
    private final TokenService tokens;
    private final Administrators administrators;
    private final AdminAudit audit;

    @Inject
    TokenGroupAdminResource(TokenService tokens, Administrators administrators, AdminAudit audit) {
        this.tokens = tokens;
        this.administrators = administrators;
        this.audit = audit;
    }

    /** For the CDI client proxy, and for JAX-RS, which wants a public constructor. */
    public TokenGroupAdminResource() {
        this(null, null, null);
    }

    /** A group as the API shows it. */
    public record GroupView(long id, String name, Set<String> permissions) {
        static GroupView of(TokenGroup group) {
            return new GroupView(group.id(), group.name(), new TreeSet<>(group.permissions()));
        }
    }

    /** The body of a create. */
    record GroupRequest(String name, Set<String> permissions) {
        /** Reads a request body, not bound by JSON-B (see {@link AdminJson}); the wrong shape is a 400. */
        static GroupRequest read(InputStream body) {
            AdminJson json = AdminJson.read(body);
            return new GroupRequest(json.string("name"), json.strings("permissions"));
        }

        /** What was asked, as the audit records it. */
        JsonObject json() {
            JsonObjectBuilder json = JsonText.BUILDERS.createObjectBuilder();
            TokenRequest.optional(json, "name", name);
            TokenRequest.optional(json, "permissions", permissions);
            return json.build();
        }
    }

    @GET
    public List<GroupView> list() {
        administrators.current();
        return tokens.groups().stream().map(GroupView::of).toList();
    }

    @POST
    public Response create(InputStream body) {
        AdminAction action = AdminAction.of("token-groups.create");
        return audit.record(action, () -> {
            GroupRequest request = GroupRequest.read(body);
            action.arguments(request.json());
            TokenGroup group = tokens.createGroup(request.name(), request.permissions(), administrators.current());
            action.target(target(group));
            return Response.created(URI.create("token-groups/" + group.id())).entity(GroupView.of(group))
                    .build();
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        AdminAction action = AdminAction.on("token-groups.delete", "token group " + id);
        return audit.record(action, () -> {
            TokenGroup group = tokens.deleteGroup(id, administrators.current())
                    .orElseThrow(() -> new TokenException(404, "token group " + id + " not found"));
            action.target(target(group));
            return Response.noContent().build();
        });
    }

    private static String target(TokenGroup group) {
        return "token group " + group.id() + " \"" + group.name() + "\"";
    }
}
