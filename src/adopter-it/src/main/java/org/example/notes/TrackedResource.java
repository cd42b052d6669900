package org.example.notes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** How often the tracked methods were called: a CDI bean resource. */
@RequestScoped
@Path("tracked")
@Produces(MediaType.APPLICATION_JSON)
public class TrackedResource {
    @Inject
    Tracker tracker;

    @GET
    @RolesAllowed(Roles.READ)
    public Map<String, Long> calls() {
        return tracker.calls();
    }
}
