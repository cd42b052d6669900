package io.mcpee.it.plain;

import io.mcpee.api.McpTool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;
import jakarta.security.enterprise.SecurityContext;

import java.lang.annotation.Annotation;

/**
 * A plain resource class: no scope, not an EJB. With bean-discovery-mode="annotated" CDI never sees it, JAX-RS
 * serves it all the same, and so must mcp-ee.
 */
@Path("greetings")
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

    /** What JAX-RS context objects tell a resource method: the same on a tool call as on a REST call. */
    @GET
    @Path("{name}/context")
    @McpTool(name = "greeting_context")
    @Produces(MediaType.TEXT_PLAIN)
    public String context(@PathParam("name") String name, @Context jakarta.ws.rs.core.SecurityContext jaxrs,
                          @Context UriInfo uri, @Context HttpHeaders headers, @Context Request request,
                          @Context Providers providers) {
        return String.join("|", name, jaxrs.getUserPrincipal().getName(), String.valueOf(jaxrs.isUserInRole("nobody")),
                String.valueOf(uri.getBaseUri().isAbsolute()),
                String.valueOf(headers.getHeaderString("Authorization") != null), String.valueOf(request != null),
                String.valueOf(providers.getMessageBodyWriter(String.class, String.class, new Annotation[0],
                        MediaType.TEXT_PLAIN_TYPE) != null));
    }
}
