package io.mcpee.guard;

import io.mcpee.api.Rate;
import org.eclipse.microprofile.config.Config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Each tool's own rate per agent: {@code mcpee.throttle.tool.<name>}, else its {@code @McpTool(rateLimit)}.
 * <p>
 * Asking the configuration for every tool's key at startup is one lookup through every config source per tool: on
 * Payara that cost as much as building a 1,000-tool catalog. So startup asks only for the keys the configuration
 * lists, under their own name or in the environment-variable form (MicroProfile Config's mapping: every
 * non-alphanumeric character as {@code _}, upper case), and checks them, so a typo still fails the deployment. A
 * config source need not list every name it holds, so any other tool's key is asked for on the tool's first call
 * and remembered: a limit from such a source is obeyed all the same, and an invalid one refuses the call (fail
 * closed) instead of leaving the tool unthrottled.
 */
final class ToolRates {
    static final String PREFIX = "mcpee.throttle.tool.";
    private static final Logger LOG = Logger.getLogger(ToolRates.class.getName());

    private final Set<String> tools;
    private final Config config;
    private final Map<String, Rate> declared;
    /** Tools whose rate is settled: those the configuration lists (from startup), others from their first call. */
    private final ConcurrentMap<String, Optional<Rate>> settled = new ConcurrentHashMap<>();

    private ToolRates(Set<String> tools, Config config, Map<String, Rate> declared) {
        this.tools = tools;
        this.config = config;
        this.declared = declared;
    }

    /**
     * Works out the rates the configuration lists and the declared ones, adding what is invalid to
     * {@code problems} (each naming its key).
     */
    static ToolRates of(Set<String> tools, Function<String, Optional<String>> declaredRateLimit, Config config,
                        List<String> problems) {
        Map<String, Rate> declared = new HashMap<>();
        for (String name : tools) {
            declaredRateLimit.apply(name).ifPresent(value ->
                    parse("@McpTool(rateLimit) of tool " + name, value, problems).ifPresent(rate ->
                            declared.put(name, rate)));
        }
        ToolRates rates = new ToolRates(Set.copyOf(tools), config, Map.copyOf(declared));
        for (String name : listed(tools, config)) {
            Optional<String> configured = config.getOptionalValue(PREFIX + name, String.class);
            rates.settled.put(name, configured.isPresent()
                    ? parse(PREFIX + name, configured.get(), problems)
                    : Optional.ofNullable(rates.declared.get(name)));
        }
        return rates;
    }

    /**
     * The tool's own rate; empty when it has none, or when no tool has that name.
     *
     * @throws IllegalStateException when a key no config source lists holds an invalid rate: the call is refused
     */
    Optional<Rate> of(String tool) {
        if (tool == null || !tools.contains(tool)) {
            return Optional.empty(); // nothing remembered for names a caller made up
        }
        Optional<Rate> known = settled.get(tool);
        return known != null ? known : settled.computeIfAbsent(tool, this::lookUp);
    }

    /** The rates settled so far, for the log. */
    @Override
    public String toString() {
        Map<String, Rate> known = new TreeMap<>();
        settled.forEach((tool, rate) -> rate.ifPresent(r -> known.put(tool, r)));
        return known.toString();
    }

    private Optional<Rate> lookUp(String tool) {
        Optional<String> configured = config.getOptionalValue(PREFIX + tool, String.class);
        if (configured.isEmpty()) {
            return Optional.ofNullable(declared.get(tool));
        }
        try {
            return Optional.of(Rate.parse(configured.get()));
        } catch (IllegalArgumentException e) {
            // not remembered: every call of the tool is refused until the configuration is mended
            LOG.severe(() -> "mcp-ee: invalid throttling configuration: " + PREFIX + tool + ": " + e.getMessage()
                    + "; calls of the tool are refused");
            throw new IllegalStateException("invalid throttling configuration for tool " + tool, e);
        }
    }

    /** The tools whose key the configuration lists, in either form; listed keys naming no tool are logged. */
    private static Set<String> listed(Set<String> tools, Config config) {
        Map<String, Set<String>> byEnvironmentName = new HashMap<>();
        for (String name : tools) {
            byEnvironmentName.computeIfAbsent(environmentName(PREFIX + name), k -> new HashSet<>()).add(name);
        }
        Set<String> listed = new HashSet<>();
        for (String key : config.getPropertyNames()) {
            // a dotted key is exact; an environment-style one may stand for several tool names (a-b and a_b)
            Set<String> named = key.startsWith(PREFIX)
                    ? (tools.contains(key.substring(PREFIX.length())) ? Set.of(key.substring(PREFIX.length()))
                    : Set.of())
                    : byEnvironmentName.getOrDefault(environmentName(key), Set.of());
            listed.addAll(named);
            if (named.isEmpty() && environmentName(key).startsWith(environmentName(PREFIX))) {
                LOG.warning(() -> "mcp-ee: " + key + " names no tool of this deployment; it has no effect");
            }
        }
        return listed;
    }

    private static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** A rate as configured or declared, or empty with the problem added to {@code problems}, naming the key. */
    static Optional<Rate> parse(String key, String value, List<String> problems) {
        try {
            return Optional.of(Rate.parse(value));
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
