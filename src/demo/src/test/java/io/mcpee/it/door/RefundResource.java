package io.mcpee.it.door;

import io.mcpee.demo.Customer;
import io.mcpee.demo.CustomerRepository;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.time.Instant;

/**
 * A resource with a bug real applications have: it writes, then marks its transaction for rollback (here on
 * purpose; in life a swallowed exception of an EJB it called) and still answers 201. Nothing it wrote is kept, so
 * neither door may tell the agent it succeeded.
 */
@Path("refunds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("customers:write")
public class RefundResource {

    public record Refund(String customer) {
    }

    @Inject
    CustomerRepository customers;
    @Resource
    TransactionSynchronizationRegistry transactions;

    @POST
    public Response create(Refund refund, @Context SecurityContext caller) {
        Customer customer = new Customer();
        customer.setName(refund.customer());
        customer.setPhone("+44 20 7946 0000");
        customer.setOwner(caller.getUserPrincipal().getName());
        customer.setCreatedAt(Instant.now());
        customer.setLastModifiedBy(caller.getUserPrincipal().getName());
        customers.create(customer);
        transactions.setRollbackOnly();
        return Response.status(Response.Status.CREATED).entity(refund).build();
    }
}
