package io.mcpee.tokens;

import io.mcpee.api.McpIgnore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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

/** Token groups: named permission sets; managed by {@code mcp-admin}, readable by any authenticated user. */
@Path("token-groups")
@McpIgnore
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenGroupAdminResource {
    private final TokenService tokens;
    private final Administrators administrators;

    @Inject
    TokenGroupAdminResource(TokenService tokens, Administrators administrators) {
        this.tokens = tokens;
        this.administrators = administrators;
    }

    /** For the CDI client proxy, and for JAX-RS, which wants a public constructor. */
    public TokenGroupAdminResource() {
        this(null, null);
    }

    /** A group as the API shows it. */
    public record GroupView(long id, String name, Set<String> permissions) {
        static GroupView of(TokenGroup group) {
            return new GroupView(group.getId(), group.getName(), new TreeSet<>(group.getPermissions()));
        }
    }

    /** The body of a create. */
    record GroupRequest(String name, Set<String> permissions) {
        /** Reads a request body, not bound by JSON-B (see {@link AdminJson}); the wrong shape is a 400. */
        static GroupRequest read(InputStream body) {
            AdminJson json = AdminJson.read(body);
            return new GroupRequest(json.string("name"), json.strings("permissions"));
        }
    }

    @GET
    public List<GroupView> list() {
        administrators.current();
        return tokens.groups().stream().map(GroupView::of).toList();
    }

    @POST
    public Response create(InputStream body) {
        GroupRequest request = GroupRequest.read(body);
        TokenGroup group = tokens.createGroup(request.name(), request.permissions(), administrators.current());
        return Response.created(URI.create("token-groups/" + group.getId())).entity(GroupView.of(group)).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        if (!tokens.deleteGroup(id, administrators.current())) {
            throw new NotFoundException("token group " + id + " not found");
        }
        return Response.noContent().build();
    }
}
