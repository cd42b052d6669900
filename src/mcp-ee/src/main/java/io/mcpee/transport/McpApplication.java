package io.mcpee.transport;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The JAX-RS application of the MCP endpoint, apart from the application's own: it lists its one resource, so
 * it never serves the application's resources, and {@link McpEndpoint} refuses to serve under any other path.
 */
@ApplicationPath(McpApplication.PATH)
public class McpApplication extends Application {
    static final String PATH = "mcp";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(McpEndpoint.class, UnexpectedFailureMapper.class);
    }
}
