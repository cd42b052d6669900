package io.mcpee.it.plain;

import io.mcpee.api.McpTool;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;
import jakarta.security.enterprise.SecurityContext;

import java.lang.annotation.Annotation;
import java.net.URI;

/**
 * A plain resource class: no scope, not an EJB. With bean-discovery-mode="annotated" CDI never sees it, JAX-RS
 * serves it all the same, and so must mcp-ee. It declares its role, as the container checks only declared roles
 * on a REST call (DiscoveryIT calls it over REST too).
 */
@Path("greetings")
@DeclareRoles("greetings:read")
@RolesAllowed("greetings:read")
public class GreetingResource {
    @Inject
    SecurityContext security;

    @GET
    @Path("{name}")
    @Produces(MediaType.TEXT_PLAIN)
    public String retrieve(@PathParam("name") String name) {
        return "Hello " + name + ", from " + security.getCallerPrincipal().getName();
    }

    /**
     * What JAX-RS context objects tell a resource method, one per line: the same on a tool call as on the REST
     * call it stands for.
     */
    @GET
    @Path("{name}/context")
    @McpTool(name = "greeting_context")
    @Produces(MediaType.TEXT_PLAIN)
    public String context(@PathParam("name") String name, @QueryParam("tone") String tone,
                          @HeaderParam("X-Greeting") String greeting, @CookieParam("theme") String theme,
                          @Context jakarta.ws.rs.core.SecurityContext jaxrs, @Context UriInfo uri,
                          @Context HttpHeaders headers, @Context Request request, @Context Providers providers) {
        return String.join("\n", name + " " + tone, jaxrs.getUserPrincipal().getName(),
                "nobody: " + jaxrs.isUserInRole("nobody"),
                "request: " + uri.getRequestUri(),
                "path: " + uri.getPath() + " " + uri.getPath(false),
                "segments: " + uri.getPathSegments().stream().map(PathSegment::getPath).toList(),
                "path parameters: " + uri.getPathParameters(),
                "query parameters: " + uri.getQueryParameters() + " " + uri.getQueryParameters(false),
                "matched: " + uri.getMatchedURIs(),
                "resource: " + (uri.getMatchedResources().get(0) instanceof GreetingResource),
                "link: " + uri.getAbsolutePathBuilder().path("friends").queryParam("page", 2).build(),
                "base: " + uri.getBaseUriBuilder().path(GreetingResource.class).path("Bob").build(),
                "relative: " + uri.relativize(uri.getAbsolutePathBuilder().path("more").build()) + " "
                        + uri.relativize(URI.create("greetings")),
                "method: " + request.getMethod(),
                "authorization: " + (headers.getHeaderString("Authorization") != null),
                "accept: " + headers.getAcceptableMediaTypes() + " " + headers.getHeaderString("accept"),
                "content type: " + headers.getMediaType() + " length " + headers.getLength(),
                "x-greeting: " + greeting + " " + headers.getHeaderString("x-greeting")
                        + " " + headers.getRequestHeader("X-Greeting"),
                "theme: " + theme + " " + headers.getCookies().get("theme").getValue(),
                "transport: " + headers.getHeaderString("Mcp-Session-Id") + " "
                        + headers.getRequestHeaders().containsKey("mcp-protocol-version"),
                "writer: " + (providers.getMessageBodyWriter(String.class, String.class, new Annotation[0],
                        MediaType.TEXT_PLAIN_TYPE) != null));
    }
}
