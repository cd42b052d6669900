package io.mcpee.guard;

import io.mcpee.api.Rate;
import io.mcpee.tools.ToolCatalogChanged;
import io.mcpee.tools.ToolRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The throttling rates (MicroProfile Config; the README lists them): per anonymous client, per authenticated agent,
 * for an agent's {@code tools/list} and {@code ping}, and per tool. A tool's rate comes from
 * {@code mcpee.throttle.tool.<name>}, else from its {@code @McpTool(rateLimit)}: the operator has the last word
 * ({@link ToolRates}). Every rate the configuration lists is checked when the application starts, so a typo fails
 * the deployment instead of the first call.
 */
@ApplicationScoped
public class ThrottleSettings {
    private static final Logger LOG = Logger.getLogger(ThrottleSettings.class.getName());

    private final Rate anonymous;
    private final Rate authenticated;
    private final Rate listing;
    private final ToolRegistry registry;
    private final Config config;
    private volatile ToolRates tools;

    @Inject
    ThrottleSettings(@ConfigProperty(name = "mcpee.throttle.anonymous", defaultValue = "100/hour") String anonymous,
                     @ConfigProperty(name = "mcpee.throttle.authenticated", defaultValue = "1000/hour")
                     String authenticated,
                     @ConfigProperty(name = "mcpee.throttle.listing", defaultValue = "6000/hour") String listing,
                     ToolRegistry registry, Config config) {
        List<String> problems = new ArrayList<>();
        this.anonymous = ToolRates.parse("mcpee.throttle.anonymous", anonymous, problems).orElse(null);
        this.authenticated = ToolRates.parse("mcpee.throttle.authenticated", authenticated, problems).orElse(null);
        this.listing = ToolRates.parse("mcpee.throttle.listing", listing, problems).orElse(null);
        this.registry = registry;
        this.config = config;
        this.tools = toolRates(registry, config, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("mcp-ee: invalid throttling configuration: "
                    + String.join("; ", problems));
        }
    }

    /** For the CDI client proxy only. */
    protected ThrottleSettings() {
        this.anonymous = null;
        this.authenticated = null;
        this.listing = null;
        this.registry = null;
        this.config = null;
        this.tools = null;
    }

    /** Makes the bean at startup: a bad rate fails the deployment, naming the key. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> "mcp-ee: throttling " + authenticated + " per agent, " + anonymous + " per anonymous client, "
                + listing + " listings, tools " + tools);
    }

    /** More tools arrived after CDI started: their rates are worked out and checked like the others. */
    void toolsAdded(@Observes ToolCatalogChanged changed) {
        List<String> problems = new ArrayList<>();
        ToolRates rates = toolRates(registry, config, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("mcp-ee: invalid throttling configuration: "
                    + String.join("; ", problems));
        }
        tools = rates;
    }

    public Rate anonymous() {
        return anonymous;
    }

    public Rate authenticated() {
        return authenticated;
    }

    public Rate listing() {
        return listing;
    }

    /** The tool's own limit per agent, on top of the agent's overall budget; empty when it has none. */
    public Optional<Rate> tool(String name) {
        return tools.of(name);
    }

    private static ToolRates toolRates(ToolRegistry registry, Config config, List<String> problems) {
        return ToolRates.of(registry.names(), registry::declaredRateLimit, config, problems);
    }
}
