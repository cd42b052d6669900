package io.mcpee.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Token lifetimes (MicroProfile Config, ISO-8601 durations). */
@ApplicationScoped
public class TokenSettings {
    private final Duration defaultLifetime;
    private final Duration expiresSoon;
    private final Duration lastUseGranularity;

    @Inject
    TokenSettings(@ConfigProperty(name = "mcpee.tokens.default-lifetime", defaultValue = "P90D") String lifetime,
                  @ConfigProperty(name = "mcpee.tokens.expires-soon", defaultValue = "P7D") String expiresSoon,
                  @ConfigProperty(name = "mcpee.tokens.last-used-granularity", defaultValue = "PT1M")
                  String granularity) {
        this.defaultLifetime = Duration.parse(lifetime);
        this.expiresSoon = Duration.parse(expiresSoon);
        this.lastUseGranularity = Duration.parse(granularity);
    }

    /** For the CDI client proxy only. */
    protected TokenSettings() {
        this("P90D", "P7D", "PT1M");
    }

    public Duration defaultLifetime() {
        return defaultLifetime;
    }

    public Duration expiresSoon() {
        return expiresSoon;
    }

    public Duration lastUseGranularity() {
        return lastUseGranularity;
    }
}
