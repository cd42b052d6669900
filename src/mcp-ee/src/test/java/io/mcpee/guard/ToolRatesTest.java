package io.mcpee.guard;

import io.mcpee.api.Rate;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-tool limits are security settings: a limit that is configured must be obeyed even when startup does not look
 * every tool's key up. The configuration here has names it lists, environment-style names, and names it holds
 * without listing them (as a config source may).
 */
class ToolRatesTest {
    private static final Set<String> TOOLS = Set.of("list_customers", "delete_customer", "export-all", "archive");

    @Test
    void aListedKeyIsCheckedAtStartupAndOverridesTheDeclaredRate() {
        Settings config = new Settings().listed("mcpee.throttle.tool.delete_customer", "5/minute");
        List<String> problems = new ArrayList<>();
        ToolRates rates = ToolRates.of(TOOLS, declared("delete_customer", "10/hour"), config, problems);

        assertEquals(List.of(), problems);
        assertEquals(Optional.of(new Rate(5, ChronoUnit.MINUTES)), rates.of("delete_customer"));
        assertEquals(1, config.lookups("mcpee.throttle.tool.delete_customer"), "looked up once, at startup");
        assertEquals(0, config.lookups("mcpee.throttle.tool.list_customers"), "unlisted keys wait for a call");
    }

    @Test
    void anInvalidListedKeyFailsStartupNamingTheKey() {
        Settings config = new Settings().listed("mcpee.throttle.tool.archive", "lots");
        List<String> problems = new ArrayList<>();
        ToolRates.of(TOOLS, declared("archive", "1/day"), config, problems);

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("mcpee.throttle.tool.archive: "), problems.get(0));
    }

    @Test
    void anEnvironmentStyleNameIsFoundAtStartupAndResolvedThroughTheConfiguration() {
        // MicroProfile Config maps mcpee.throttle.tool.export-all to MCPEE_THROTTLE_TOOL_EXPORT_ALL
        Settings config = new Settings().listed("MCPEE_THROTTLE_TOOL_EXPORT_ALL", "bad");
        List<String> problems = new ArrayList<>();
        ToolRates.of(TOOLS, declared("x", "1/day"), config, problems);

        assertEquals(1, problems.size(), "the environment variable's value is checked at startup: " + problems);
        assertTrue(problems.get(0).startsWith("mcpee.throttle.tool.export-all: "), problems.get(0));
    }

    @Test
    void aKeyNoSourceListsIsObeyedFromTheToolsFirstCall() {
        Settings config = new Settings().unlisted("mcpee.throttle.tool.list_customers", "2/hour")
                .unlisted("mcpee.throttle.tool.archive", "3/second");
        List<String> problems = new ArrayList<>();
        ToolRates rates = ToolRates.of(TOOLS, declared("archive", "1/day"), config, problems);

        assertEquals(List.of(), problems);
        assertEquals(Optional.of(new Rate(2, ChronoUnit.HOURS)), rates.of("list_customers"));
        assertEquals(Optional.of(new Rate(3, ChronoUnit.SECONDS)), rates.of("archive"), "overrides the declared");
        rates.of("list_customers");
        assertEquals(1, config.lookups("mcpee.throttle.tool.list_customers"), "remembered after the first call");
    }

    @Test
    void withoutAnyKeyTheDeclaredRateHoldsAndUnknownNamesHaveNone() {
        Settings config = new Settings();
        ToolRates rates = ToolRates.of(TOOLS, declared("archive", "1/day"), config, new ArrayList<>());

        assertEquals(Optional.of(new Rate(1, ChronoUnit.DAYS)), rates.of("archive"));
        assertEquals(Optional.empty(), rates.of("list_customers"));
        assertEquals(Optional.empty(), rates.of("no_such_tool"));
        assertEquals(Optional.empty(), rates.of(null));
        assertEquals(0, config.lookups("mcpee.throttle.tool.no_such_tool"), "made-up names are never looked up");
    }

    @Test
    void anInvalidUnlistedKeyRefusesEveryCallOfTheToolUntilMended() {
        Settings config = new Settings().unlisted("mcpee.throttle.tool.delete_customer", "unlimited");
        ToolRates rates = ToolRates.of(TOOLS, declared("delete_customer", "10/hour"), config, new ArrayList<>());

        assertThrows(IllegalStateException.class, () -> rates.of("delete_customer"));
        assertThrows(IllegalStateException.class, () -> rates.of("delete_customer"), "never falls back to none");
        config.unlisted("mcpee.throttle.tool.delete_customer", "1/minute");
        assertEquals(Optional.of(new Rate(1, ChronoUnit.MINUTES)), rates.of("delete_customer"));
    }

    @Test
    void anInvalidDeclaredRateFailsStartup() {
        List<String> problems = new ArrayList<>();
        ToolRates.of(TOOLS, declared("archive", "often"), new Settings(), problems);

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("@McpTool(rateLimit) of tool archive: "), problems.get(0));
    }

    private static Function<String, Optional<String>> declared(String tool, String rate) {
        return name -> name.equals(tool) ? Optional.of(rate) : Optional.empty();
    }

    /** A configuration whose values are either listed by {@link #getPropertyNames()} or only answered when asked. */
    private static final class Settings implements Config {
        private final Map<String, String> values = new HashMap<>();
        private final List<String> listedNames = new ArrayList<>();
        private final Map<String, Integer> lookups = new HashMap<>();

        Settings listed(String key, String value) {
            values.put(key, value);
            listedNames.add(key);
            return this;
        }

        Settings unlisted(String key, String value) {
            values.put(key, value);
            return this;
        }

        int lookups(String key) {
            return lookups.getOrDefault(key, 0);
        }

        /** Resolves the environment-variable forms too, as MicroProfile Config's environment source does. */
        private String resolve(String key) {
            lookups.merge(key, 1, Integer::sum);
            String environmentName = key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
            return values.containsKey(key) ? values.get(key) : values.get(environmentName);
        }

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return Optional.ofNullable(resolve(name)).map(type::cast);
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return List.copyOf(listedNames);
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}
