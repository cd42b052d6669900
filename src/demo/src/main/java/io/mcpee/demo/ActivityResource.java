package io.mcpee.demo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The recent activity feed; a stateless session bean, as resources in EJB shops often are. */
@Stateless
@Path("activity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMERS_READ, Roles.ARTICLES_READ})
public class ActivityResource {
    @Inject
    ActivityLog activity;

    @GET
    @Operation(summary = "List recent CRM activity",
            description = "The most recent create, update and delete operations, newest first")
    public List<ActivityEntry> list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(500) int limit) {
        return activity.recent(limit);
    }
}
