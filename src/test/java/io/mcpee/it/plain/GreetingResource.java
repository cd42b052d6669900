package io.mcpee.it.plain;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.security.enterprise.SecurityContext;

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
}
