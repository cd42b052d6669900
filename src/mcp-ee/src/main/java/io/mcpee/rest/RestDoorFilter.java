package io.mcpee.rest;

import io.mcpee.api.AuthenticatedCaller;
import io.mcpee.api.CallerKind;
import io.mcpee.invocation.RestCall;
import io.mcpee.persistence.DatabaseUnavailable;
import io.mcpee.protocol.JsonText;
import io.mcpee.results.ResultMapper;
import io.mcpee.results.ToolOutcome;
import io.mcpee.schema.CallerRoles;
import io.mcpee.schema.PropertyMarks;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The REST door: every request an agent's credential makes to the application, outside mcp-ee's own paths, passes
 * the guards a tool call passes — one audit entry committed with the request's changes (fail closed), the agent's
 * throttling budget, the tool's authorization — and its JSON answer has the {@code @Sensitive} properties the caller
 * may not see masked, as in a tool result. Requests of the application's people, signed in its own way, pass
 * untouched. Registered before the application's own filters ({@link RestDoorInitializer}).
 */
public class RestDoorFilter extends HttpFilter {
    private static final Logger LOG = Logger.getLogger(RestDoorFilter.class.getName());
    private static final long serialVersionUID = 1L;

    // A filter the container makes gets field injection only.
    @Inject
    private transient RestDoor door;
    @Inject
    private transient RestRoutes routes;
    @Inject
    private transient RestArguments arguments;
    @Inject
    private transient RestDoorSettings settings;
    @Inject
    private transient CallerRoles roles;
    @Resource
    private transient ManagedExecutorService executor;

    private final transient Set<String> unmaskable = ConcurrentHashMap.newKeySet();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<AuthenticatedCaller> caller = AuthenticatedCaller.of(request);
        String path = pathOf(request);
        if (caller.isEmpty() || !settings.passesDoor(caller.get().kind()) || isOurs(path, request.getContextPath())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<RestRoutes.Match> match = routes.match(request.getMethod(), path);
        AgentRequest agentRequest = new AgentRequest(request, settings.maxBodyKept(), executor);
        BufferedResponse answer = new BufferedResponse(response);
        agentRequest.answeredBy(answer);
        RestExchange exchange = new RestExchange(agentRequest, answer, chain);
        RestCall call = new RestCall(match.map(m -> m.tool().name()).orElse(null), request.getMethod(),
                request.getRequestURI(), () -> arguments.of(match, agentRequest));
        ToolOutcome outcome;
        try {
            outcome = door.pass(call, exchange);
        } catch (RestRequestFailed failed) {
            rethrow(failed.getCause());
            return;
        } catch (DatabaseUnavailable unavailable) {
            answer.replace(503, error(unavailable.getMessage()),
                    Map.of("Retry-After", String.valueOf(unavailable.retryAfterSeconds())));
            return;
        }
        if (!exchange.proceeded() || outcome.status() != answer.getStatus()) {
            // a guard answered instead of the application (throttled, denied), or the audit or the commit failed
            answer.replace(outcome.status(), error(outcome.errorMessage()), outcome.throttled()
                    ? Map.of("Retry-After", String.valueOf(outcome.retryAfterSeconds())) : Map.of());
            return;
        }
        answer.letGo(masked(answer, match.map(RestRoutes.Match::tool).orElse(null), exchange));
    }

    /** The held body, with the sensitive properties the caller may not see masked when it is JSON. */
    private byte[] masked(BufferedResponse answer, io.mcpee.tools.ToolDefinition tool, RestExchange exchange) {
        byte[] body = answer.body();
        String type = answer.getContentType();
        if (body.length == 0 || type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            return body;
        }
        PropertyMarks marks = exchange.answerMarks(tool);
        if (marks == null) {
            if (tool != null && unmaskable.add(tool.name())) {
                LOG.warning(() -> "mcp-ee: the REST answers of " + tool.target().resourceClass().getName() + "."
                        + tool.target().method().getName() + " to agents cannot be masked: it returns a Response,"
                        + " and its class is not a CDI bean, so what the Response carries is unknown; make the class"
                        + " a bean (e.g. @RequestScoped) or declare the entity type");
            }
            return body;
        }
        String json = new String(body, answer.charset());
        String masked = ResultMapper.masked(json, marks, roles);
        return masked == json ? body : masked.getBytes(answer.charset());
    }

    private static String error(String message) {
        return JsonText.BUILDERS.createObjectBuilder().add("error", message == null ? "refused" : message).build()
                .toString();
    }

    /** The path below the host as the container mapped it (decoded, {@code //} and dot segments resolved). */
    private static String pathOf(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return request.getContextPath() + (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    }

    /** mcp-ee's own paths, which audit themselves: {@code /mcp}, {@code /mcp-ee/...}, {@code /.well-known/...}. */
    private static boolean isOurs(String path, String contextPath) {
        String below = path.substring(contextPath.length());
        return below.equals("/mcp") || below.startsWith("/mcp/") || below.startsWith("/mcp-ee/")
                || below.startsWith("/.well-known/");
    }

    private static void rethrow(Throwable failure) throws IOException, ServletException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof ServletException servlet) {
            throw servlet;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new ServletException(failure);
    }
}
