package io.mcpee.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The MCP endpoint's settings (MicroProfile Config); the README lists them with their defaults. */
@ApplicationScoped
class TransportConfig {
    private final long maxRequestBytes;
    private final Duration sessionIdleTimeout;
    private final int maxSessions;
    private final int pageSize;
    private final String serverVersion;
    private final Duration cacheTtl;
    private final Duration askTimeout;
    private final Duration streamMaxAge;

    @Inject
    TransportConfig(@ConfigProperty(name = "mcpee.mcp.max-request-bytes", defaultValue = "1048576")
                    long maxRequestBytes,
                    @ConfigProperty(name = "mcpee.mcp.session-idle-timeout", defaultValue = "PT30M")
                    String sessionIdleTimeout,
                    @ConfigProperty(name = "mcpee.mcp.max-sessions", defaultValue = "10000") int maxSessions,
                    @ConfigProperty(name = "mcpee.mcp.page-size", defaultValue = "100") int pageSize,
                    @ConfigProperty(name = "mcpee.server.version", defaultValue = "unknown") String serverVersion,
                    @ConfigProperty(name = "mcpee.mcp.cache-ttl", defaultValue = "PT1M") String cacheTtl,
                    @ConfigProperty(name = "mcpee.mcp.ask-timeout", defaultValue = "PT2M") String askTimeout,
                    @ConfigProperty(name = "mcpee.mcp.stream-max-age", defaultValue = "PT30M") String streamMaxAge) {
        if (maxRequestBytes < 1024 || maxSessions < 1 || pageSize < 1) {
            throw new IllegalArgumentException("mcpee.mcp.max-request-bytes must be at least 1024, "
                    + "mcpee.mcp.max-sessions and mcpee.mcp.page-size at least 1");
        }
        this.cacheTtl = duration("mcpee.mcp.cache-ttl", cacheTtl);
        this.askTimeout = duration("mcpee.mcp.ask-timeout", askTimeout);
        this.streamMaxAge = duration("mcpee.mcp.stream-max-age", streamMaxAge);
        this.maxRequestBytes = maxRequestBytes;
        this.sessionIdleTimeout = Duration.parse(sessionIdleTimeout);
        this.maxSessions = maxSessions;
        this.pageSize = pageSize;
        this.serverVersion = serverVersion;
    }

    /** For the CDI client proxy only. */
    protected TransportConfig() {
        this(1048576, "PT30M", 1, 1, "", "PT0S", "PT0S", "PT0S");
    }

    private static Duration duration(String key, String value) {
        try {
            Duration parsed = Duration.parse(value.strip());
            if (!parsed.isNegative()) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException(key + " must be an ISO-8601 duration of zero or more, e.g. PT1M; got "
                + value);
    }

    /** How long a 2026-07-28 client may keep a {@code tools/list} or {@code server/discover} result. */
    Duration cacheTtl() {
        return cacheTtl;
    }

    /**
     * How long a session's tool call waits for its client to answer a question (elicitation, sampling, roots); its
     * transaction stays open meanwhile, so keep it below the server's transaction timeout.
     */
    Duration askTimeout() {
        return askTimeout;
    }

    /**
     * How long a listening stream (a session's {@code GET}, a {@code subscriptions/listen}) stays open before the
     * server ends it and its client opens a new one, authenticating again.
     */
    Duration streamMaxAge() {
        return streamMaxAge;
    }

    long maxRequestBytes() {
        return maxRequestBytes;
    }

    Duration sessionIdleTimeout() {
        return sessionIdleTimeout;
    }

    int maxSessions() {
        return maxSessions;
    }

    int pageSize() {
        return pageSize;
    }

    String serverVersion() {
        return serverVersion;
    }
}
