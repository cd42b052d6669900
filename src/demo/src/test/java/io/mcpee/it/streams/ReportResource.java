package io.mcpee.it.streams;

import io.mcpee.api.LogLevel;
import io.mcpee.api.McpExchange;
import io.mcpee.api.McpTool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;

/**
 * A long operation written as an application would write one: it reports progress and logs through the injected
 * {@link McpExchange}, and stops when the agent cancels. Over REST the same code runs with nothing reported.
 */
@Path("reports")
@RequestScoped
@RolesAllowed("customers:read")
public class ReportResource {
    /** Token-shaped text the report logs, as careless code might: the agent must never see it. */
    public static final String LEAKED = "mcp_0123456789abcdef_" + "ab".repeat(32);

    @Inject
    McpExchange exchange;

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "build_report", description = "Builds a report in steps, reporting each")
    public String build(@QueryParam("steps") int steps, @QueryParam("stepMillis") int stepMillis)
            throws InterruptedException {
        exchange.log(LogLevel.DEBUG, "starting a report of " + steps + " steps");
        for (int step = 1; step <= steps; step++) {
            if (exchange.isCancelled()) {
                exchange.log(LogLevel.WARNING, "cancelled at step " + step);
                throw new ServiceUnavailableException("the report was cancelled at step " + step);
            }
            Thread.sleep(stepMillis);
            exchange.progress(step, (double) steps, "step " + step + " of " + steps);
            exchange.progress(step, (double) steps, "the same step again: dropped, progress must increase");
            exchange.log(LogLevel.INFO, "step " + step + " done with credential " + LEAKED);
        }
        return "report of " + steps + " steps";
    }
}
