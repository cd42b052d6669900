package io.mcpee.it.outage;

import io.mcpee.demo.CustomerRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/**
 * A read that hides why it failed, as many applications' code does: whatever goes wrong below it becomes an
 * exception of its own, without its cause. When the database goes away under it, nothing in its failure says so;
 * the application answers 500, and only the door, unable to write the call's audit entry, knows it is an outage.
 */
@Path("archive")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("customers:read")
public class ArchiveResource {

    @Inject
    CustomerRepository customers;

    @GET
    public long count(@Context SecurityContext caller) {
        try {
            return customers.search(caller.getUserPrincipal().getName(), null, "id", 1, 0).total();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the archive could not be read");
        }
    }
}
