package io.mcpee.security;

import io.mcpee.admin.AdminApplication;
import io.mcpee.transport.McpApplication;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The names and paths of mcp-ee's own applications, which AgentPaths writes out rather than depends on. */
class AgentPathsTest {

    @Test
    void ownApplicationsAreNamedRight() {
        assertEquals(Set.of(McpApplication.class.getName(), AdminApplication.class.getName(),
                WellKnownApplication.class.getName()), AgentPaths.OWN);
        assertEquals("/" + AdminApplication.PATH, AgentPaths.ADMIN_API);
    }

    @Test
    void configuredPathsAreNormalized() {
        assertEquals("/api", AgentPaths.normalized("api/"));
        assertEquals("/rest/v1", AgentPaths.normalized(" /rest/v1/* "));
        assertEquals("", AgentPaths.normalized("/"));
    }

    @Test
    void onlyTheMcpEndpointIsMcp() {
        assertEquals(true, AgentPaths.isMcp("/mcp"));
        assertEquals(true, AgentPaths.isMcp("/mcp/"));
        assertEquals(false, AgentPaths.isMcp("/mcp-ee/api/tokens"));
        assertEquals(false, AgentPaths.isMcp("/mcpx"));
    }
}
