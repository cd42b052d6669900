package io.mcpee.rest;

import io.mcpee.tools.PathTemplate;
import io.mcpee.tools.RestApplications;
import io.mcpee.tools.ToolDefinition;
import io.mcpee.tools.ToolRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Which tool a REST request stands for: the resource method JAX-RS would pick for its HTTP method and path, among the
 * methods offered as tools, by the same precedence (more literal characters, then more variables, then more
 * variables with a regular expression of their own). Made on first use, when every JAX-RS application is
 * registered, and again when the catalog changes.
 */
@ApplicationScoped
class RestRoutes {
    private final ToolRegistry registry;
    private final ServletContext servletContext;
    private volatile Routes routes;

    /** A resource method's route: its HTTP method and compiled template (with the application's path). */
    record Route(String httpMethod, PathTemplate.Compiled template, ToolDefinition tool) {
    }

    /** The tool a request stands for, and the values of its path's variables. */
    record Match(ToolDefinition tool, Map<String, String> pathParameters) {
    }

    private record Routes(List<ToolDefinition> source, List<Route> routes) {
    }

    @Inject
    RestRoutes(ToolRegistry registry, ServletContext servletContext) {
        this.registry = registry;
        this.servletContext = servletContext;
    }

    /** For the CDI client proxy only. */
    protected RestRoutes() {
        this.registry = null;
        this.servletContext = null;
    }

    /** {@code path}: the request's decoded path, context root included ({@code /notes/rest/notes/7}). */
    Optional<Match> match(String httpMethod, String path) {
        // HEAD is answered by the GET method when there is no HEAD method (JAX-RS 3.1, 3.3.5)
        String method = "HEAD".equals(httpMethod) ? "GET" : httpMethod;
        for (Route route : routes()) {
            if (!route.httpMethod().equals(method)) {
                continue;
            }
            Matcher matcher = route.template().pattern().matcher(path);
            if (matcher.matches()) {
                Map<String, String> values = new LinkedHashMap<>();
                List<String> variables = route.template().variables();
                for (int i = 0; i < variables.size(); i++) {
                    values.putIfAbsent(variables.get(i), matcher.group("v" + i));
                }
                return Optional.of(new Match(route.tool(), values));
            }
        }
        return Optional.empty();
    }

    private List<Route> routes() {
        List<ToolDefinition> tools = registry.all();
        Routes known = routes;
        if (known == null || known.source() != tools) {
            known = new Routes(tools, build(tools));
            routes = known;
        }
        return known.routes();
    }

    private List<Route> build(List<ToolDefinition> tools) {
        RestApplications applications = new RestApplications(servletContext);
        List<Route> built = new ArrayList<>();
        for (ToolDefinition tool : tools) {
            String base = applications.basePath(tool.target().resourceClass());
            built.add(new Route(tool.target().httpMethod(),
                    PathTemplate.compile(base + PathTemplate.normalize(tool.target().path())), tool));
        }
        built.sort(Comparator.comparingInt((Route r) -> r.template().literalCharacters()).reversed()
                .thenComparing(Comparator.comparingInt((Route r) -> r.template().variables().size()).reversed())
                .thenComparing(Comparator.comparingInt((Route r) -> r.template().regexVariables()).reversed()));
        return List.copyOf(built);
    }
}
