package io.mcpee.it.streams;

import io.mcpee.api.InputRequest;
import io.mcpee.api.McpExchange;
import io.mcpee.api.McpTool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * An operation that needs a person's go-ahead above a limit, asked through the agent's client
 * ({@link McpExchange#ask}): the method runs again with the answer once the client has it.
 */
@Path("approvals")
@RequestScoped
@RolesAllowed("customers:read")
public class ApprovalResource {
    @Inject
    McpExchange exchange;

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "approve_payment", description = "Pays an amount; above 100 the user must approve it")
    public String pay(@QueryParam("amount") int amount) {
        if (amount > 100) {
            JsonObject answer = exchange.ask(InputRequest.elicit("approval", "Pay " + amount + "?",
                    Json.createObjectBuilder().add("type", "object").add("properties", Json.createObjectBuilder()
                            .add("approved", Json.createObjectBuilder().add("type", "boolean"))).build()))
                    .get("approval");
            if (!"accept".equals(answer.getString("action", ""))
                    || !answer.getJsonObject("content").getBoolean("approved", false)) {
                throw new ForbiddenException("the user did not approve the payment");
            }
        }
        return "paid " + amount;
    }
}
