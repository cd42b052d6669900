package io.mcpee.it.door;

import io.mcpee.api.Sensitive;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Answers whose type says nothing of what they carry (a {@code Response}) and answers that come later, on another
 * thread (a {@code CompletionStage}, an {@code AsyncResponse}), as real resources have them: the REST door must
 * still mask an agent's answer and record it before it is let go.
 */
@Path("ledger")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("customers:read")
public class LedgerResource {

    public record Account(long id, String holder, @Sensitive(unlessRole = "customers:pii") String iban) {
    }

    @GET
    @Path("{id}")
    public Response find(@PathParam("id") long id) {
        return Response.ok(account(id)).build();
    }

    @GET
    @Path("{id}/later")
    public CompletionStage<Account> later(@PathParam("id") long id) {
        return CompletableFuture.supplyAsync(() -> account(id),
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
    }

    @GET
    @Path("{id}/suspended")
    public void suspended(@PathParam("id") long id, @Suspended AsyncResponse response) {
        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS).execute(() -> response.resume(account(id)));
    }

    private static Account account(long id) {
        return new Account(id, "Ada Lovelace", "GB33BUKB20201555555555");
    }
}
