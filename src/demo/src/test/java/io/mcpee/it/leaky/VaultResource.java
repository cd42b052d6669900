package io.mcpee.it.leaky;

import io.mcpee.api.McpIgnore;
import io.mcpee.api.McpTool;
import io.mcpee.api.Sensitive;
import io.mcpee.demo.Customer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A resource written carelessly, as real ones are: every failure repeats what the caller sent, in a
 * WebApplicationException's message, a constraint message with {@code ${validatedValue}}, a Response's entity.
 * What the caller sent may be a secret; mcp-ee must not send it back.
 */
@Path("vault")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("customers:read")
public class VaultResource {

    /** A label the vault must know; none is known. */
    public record Entry(@KnownLabel String label) {
    }

    @GET
    @Path("entries")
    @McpTool(name = "find_entry")
    public String find(@QueryParam("reference") String reference) {
        throw new NotFoundException("No entry with reference " + reference);
    }

    @POST
    @Path("entries")
    @McpTool(name = "store_entry")
    public void store(@Valid @NotNull Entry entry) {
    }

    @POST
    @Path("rejections")
    @McpTool(name = "reject_entry")
    public Response reject(@QueryParam("note") String note) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN).entity("Rejected: " + note)
                .build();
    }

    @GET
    @Path("audits")
    @McpTool(name = "crash_vault")
    public String crash(@QueryParam("detail") String detail) {
        // a failure nobody wrote for callers: it is logged with a reference, its message repeating the argument
        throw new IllegalStateException("vault crashed while auditing " + detail,
                new IllegalArgumentException("bad detail " + detail));
    }

    /** A REST-only failure nothing maps, whatever the method: the web application's error page answers it. */
    @PUT
    @Path("crash")
    @McpIgnore
    public void crashOnPut() {
        throw new IllegalStateException("vault crashed in io.mcpee.it.leaky.VaultResource");
    }

    @PATCH
    @Path("crash")
    @McpIgnore
    public void crashOnPatch() {
        throw new IllegalStateException("vault crashed in io.mcpee.it.leaky.VaultResource");
    }

    @PersistenceContext
    EntityManager entities;

    /**
     * Renames a customer without validating the name: JPA's own Bean Validation refuses a blank one only as it
     * flushes the change, when the call's transaction commits, after this method has returned.
     */
    @POST
    @Path("renames")
    @McpTool(name = "rename_customer_unchecked")
    @RolesAllowed("customers:write")
    @Transactional
    public void rename(@QueryParam("id") long id, @QueryParam("name") String name) {
        Customer customer = entities.find(Customer.class, id);
        if (customer == null) {
            throw new NotFoundException("No customer " + id);
        }
        customer.setName(name);
    }

    @GET
    @Path("pins")
    @McpTool(name = "check_pin")
    public String checkPin(@QueryParam("code") @Sensitive String code) {
        throw new BadRequestException("PIN " + code + " is wrong");
    }
}
