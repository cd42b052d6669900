package io.mcpee.demo;

import io.mcpee.api.McpTool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.net.URI;
import java.time.Instant;

/** The customers of the CRM. */
@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {
    private final CustomerRepository customers;
    private final Caller caller;

    @Inject
    CustomerResource(CustomerRepository customers, Caller caller) {
        this.customers = customers;
        this.caller = caller;
    }

    /**
     * For the CDI client proxy only. Public because Jakarta REST wants a public constructor on a root resource
     * class: RESTEasy (WildFly) refuses to deploy one without it, even when CDI makes the instances.
     */
    public CustomerResource() {
        this(null, null);
    }

    @GET
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Operation(summary = "Search customers", description = "Customers whose name or email contains q, one page")
    public CustomerPage list(
            @QueryParam("q") @Parameter(description = "Text to find in name or email") String q,
            @QueryParam("ordering") @DefaultValue("id")
            @Pattern(regexp = "^-?(id|name|email|createdAt)$")
            @Parameter(description = "Sort key, '-' prefix for descending") String ordering,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @Context UriInfo uri) {
        CustomerPage page = customers.search(ownerScope(), q, ordering, limit, offset);
        long nextOffset = (long) offset + limit;
        if (nextOffset >= page.total()) {
            return page;
        }
        return page.withNext(uri.getRequestUriBuilder().replaceQueryParam("offset", nextOffset)
                .replaceQueryParam("limit", limit).build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Operation(summary = "Get one customer by id")
    public Customer retrieve(@PathParam("id") long id) {
        return existing(id);
    }

    @POST
    @Logged
    @RolesAllowed(Roles.CUSTOMERS_WRITE)
    @Operation(summary = "Create a customer")
    public Response create(@Valid @NotNull Customer customer) {
        customer.setId(null);
        customer.setOwner(caller.name());
        customer.setCreatedAt(Instant.now());
        customer.setLastModifiedBy(caller.name());
        Customer created = customers.create(customer);
        return Response.created(URI.create("customers/" + created.getId())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Logged
    @RolesAllowed(Roles.CUSTOMERS_WRITE)
    @Operation(summary = "Replace a customer's details")
    public Customer update(@PathParam("id") long id, @Valid @NotNull Customer customer) {
        Customer current = existing(id);
        current.setName(customer.getName());
        current.setEmail(customer.getEmail());
        current.setPhone(customer.getPhone());
        current.setSsn(customer.getSsn());
        current.setLastModifiedBy(caller.name());
        return customers.update(current);
    }

    @PATCH
    @Path("{id}")
    @Logged
    @RolesAllowed(Roles.CUSTOMERS_WRITE)
    @Operation(summary = "Change some of a customer's details", description = "Only the fields given are changed")
    public Customer partialUpdate(@PathParam("id") long id, @Valid @NotNull CustomerPatch patch) {
        Customer current = existing(id);
        if (patch.name() != null) {
            current.setName(patch.name());
        }
        if (patch.email() != null) {
            current.setEmail(patch.email());
        }
        if (patch.phone() != null) {
            current.setPhone(patch.phone());
        }
        if (patch.ssn() != null) {
            current.setSsn(patch.ssn());
        }
        current.setLastModifiedBy(caller.name());
        return customers.update(current);
    }

    @DELETE
    @Path("{id}")
    @Logged
    @RolesAllowed(Roles.CUSTOMERS_DELETE)
    @Operation(summary = "Delete a customer")
    // an agent deleting customers in a loop is more likely a runaway than a plan: a tight limit of its own
    @McpTool(rateLimit = "10/minute")
    public void delete(@PathParam("id") long id) {
        if (!customers.delete(id, ownerScope())) {
            throw notFound(id);
        }
    }

    @POST
    @Path("{id}/gdpr-delete")
    @Logged
    @RolesAllowed(Roles.CUSTOMERS_DELETE)
    @Operation(summary = "Erase a customer's personal data (GDPR article 17)",
            description = "Deletes the customer and returns a receipt of the erasure")
    public GdprErasure gdprDelete(@PathParam("id") long id) {
        if (!customers.delete(id, ownerScope())) {
            throw notFound(id);
        }
        return new GdprErasure(id, Instant.now(), caller.name());
    }

    /**
     * Whose customers this caller works with: its own, or everyone's with customers:admin. Another owner's
     * customer is "not found", never "forbidden": a 403 would confirm that it exists.
     */
    private String ownerScope() {
        return caller.isInRole(Roles.CUSTOMERS_ADMIN) ? null : caller.name();
    }

    private Customer existing(long id) {
        return customers.find(id, ownerScope()).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("Customer " + id + " not found");
    }
}
