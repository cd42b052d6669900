package io.mcpee.security;

import io.mcpee.tools.RestApplications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The paths below the context root where agents come with bearer credentials, and where a request without one is
 * answered 401 with the challenge: {@code /mcp}, mcp-ee's own API under {@code /mcp-ee/api}, and the application's
 * REST API — the mappings of its JAX-RS applications as deployed ({@code /api}, {@code /rest}), or, set in
 * {@code mcpee.security.agent-paths}, exactly the paths given there. Worked out on the first request, when every
 * application is registered.
 */
@ApplicationScoped
class AgentPaths {
    private static final Logger LOG = Logger.getLogger(AgentPaths.class.getName());
    /** mcp-ee's own paths (McpApplication, AdminApplication): named here so that security depends on neither. */
    static final String MCP = "/mcp";
    static final String ADMIN_API = "/mcp-ee/api";
    /** mcp-ee's own JAX-RS applications, by name (AgentPathsTest checks the names). */
    static final Set<String> OWN = Set.of("io.mcpee.transport.McpApplication", "io.mcpee.admin.AdminApplication",
            WellKnownApplication.class.getName());

    private final ServletContext servletContext;
    private final Optional<String> configured;
    private volatile List<String> prefixes;

    @Inject
    AgentPaths(ServletContext servletContext,
               @ConfigProperty(name = "mcpee.security.agent-paths") Optional<String> configured) {
        this.servletContext = servletContext;
        this.configured = configured;
    }

    /** For the CDI client proxy only. */
    protected AgentPaths() {
        this.servletContext = null;
        this.configured = Optional.empty();
    }

    /** Whether a path below the context root ({@code /api/customers/7}) is one where agents come. */
    boolean isAgentPath(String path) {
        for (String prefix : prefixes()) {
            if (prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    static boolean isMcp(String path) {
        return path.equals(MCP) || path.startsWith(MCP + "/");
    }

    private List<String> prefixes() {
        List<String> known = prefixes;
        if (known == null) {
            known = new ArrayList<>(List.of(MCP, ADMIN_API));
            if (configured.filter(paths -> !paths.isBlank()).isPresent()) {
                for (String path : configured.get().split(",")) {
                    known.add(normalized(path));
                }
            } else {
                List<String> found = known;
                new RestApplications(servletContext).applicationMappings(AgentPaths.class.getClassLoader())
                        .forEach((application, mapping) -> {
                            if (!OWN.contains(application)) {
                                found.add(normalized(mapping));
                            }
                        });
            }
            List<String> shown = List.copyOf(known);
            prefixes = shown;
            LOG.info(() -> "mcp-ee: agents authenticate with bearer credentials on " + shown);
            return shown;
        }
        return known;
    }

    /** "api/" → "/api"; "/" → "" (the whole web application). */
    static String normalized(String path) {
        String trimmed = path.strip();
        while (trimmed.endsWith("/") || trimmed.endsWith("*")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }
}
