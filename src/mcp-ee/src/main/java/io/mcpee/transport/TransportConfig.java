package io.mcpee.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The MCP endpoint's settings (MicroProfile Config); the README lists them with their defaults. */
@ApplicationScoped
class TransportConfig {
    private final long maxRequestBytes;
    private final Duration sessionIdleTimeout;
    private final int maxSessions;
    private final int pageSize;
    private final String serverVersion;

    @Inject
    TransportConfig(@ConfigProperty(name = "mcpee.mcp.max-request-bytes", defaultValue = "1048576")
                    long maxRequestBytes,
                    @ConfigProperty(name = "mcpee.mcp.session-idle-timeout", defaultValue = "PT30M")
                    String sessionIdleTimeout,
                    @ConfigProperty(name = "mcpee.mcp.max-sessions", defaultValue = "10000") int maxSessions,
                    @ConfigProperty(name = "mcpee.mcp.page-size", defaultValue = "100") int pageSize,
                    @ConfigProperty(name = "mcpee.server.version", defaultValue = "unknown") String serverVersion) {
        if (maxRequestBytes < 1024 || maxSessions < 1 || pageSize < 1) {
            throw new IllegalArgumentException("mcpee.mcp.max-request-bytes must be at least 1024, "
                    + "mcpee.mcp.max-sessions and mcpee.mcp.page-size at least 1");
        }
        this.maxRequestBytes = maxRequestBytes;
        this.sessionIdleTimeout = Duration.parse(sessionIdleTimeout);
        this.maxSessions = maxSessions;
        this.pageSize = pageSize;
        this.serverVersion = serverVersion;
    }

    /** For the CDI client proxy only. */
    protected TransportConfig() {
        this(1048576, "PT30M", 1, 1, "");
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
