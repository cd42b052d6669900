package io.mcpee.transport;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;
import java.util.Set;

/**
 * The JAX-RS application of the MCP endpoint, apart from the application's own: it lists its one resource (and
 * that resource's filter and exception mapper), so it never serves the application's resources, and
 * {@link McpEndpoint} refuses to serve under any other path.
 */
@ApplicationPath(McpApplication.PATH)
public class McpApplication extends Application {
    static final String PATH = "mcp";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(McpEndpoint.class, StreamRouting.class, UnexpectedFailureMapper.class);
    }

    /**
     * Jersey (Payara) holds back the first 8 KB of an answer to give it a Content-Length, even across a flush; an
     * event stream's progress must reach the client as it is written, so this application's answers are written
     * through. The key is Jersey's own; other implementations ignore it (RESTEasy writes through on a flush).
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.contentLength.buffer", 0);
    }
}
