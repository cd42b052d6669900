package org.example.notes;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A plain class, unknown to CDI in an annotated archive: JAX-RS makes it, and so does mcp-ee for its tool. */
@Path("health")
public class StatusResource {

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    public String health() {
        return "notes are fine";
    }
}
