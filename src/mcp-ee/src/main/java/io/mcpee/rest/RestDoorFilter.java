package io.mcpee.rest;

import io.mcpee.api.AuthenticatedCaller;
import io.mcpee.invocation.RestCall;
import io.mcpee.persistence.DatabaseUnavailable;
import io.mcpee.protocol.JsonText;
import io.mcpee.results.Redactor;
import io.mcpee.results.ResultMapper;
import io.mcpee.results.ToolOutcome;
import io.mcpee.schema.CallerRoles;
import io.mcpee.schema.PropertyMarks;
import io.mcpee.tools.AccessRule;
import io.mcpee.tools.ToolDefinition;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The REST door: every request an agent's credential makes to the application, outside mcp-ee's own paths, passes
 * the guards a tool call passes — one audit entry committed with the request's changes (fail closed), the agent's
 * throttling budget, the tool's authorization — and its JSON answer has the {@code @Sensitive} properties the caller
 * may not see masked, as in a tool result. Requests of the application's people, signed in its own way, pass
 * untouched. Registered before the application's own filters ({@link RestDoorInitializer}).
 */
public class RestDoorFilter extends HttpFilter {
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
    private transient SensitiveNames sensitiveNames;
    @Inject
    private transient Redactor redactor;
    @Inject
    private transient CallerRoles roles;
    @Resource
    private transient ManagedExecutorService executor;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<AuthenticatedCaller> caller = AuthenticatedCaller.of(request);
        if (caller.isEmpty() || !settings.passesDoor(caller.get().kind())) {
            // a person of the application's, or a credential the door is not for: the application's own business
            chain.doFilter(request, response);
            return;
        }
        String path = pathOf(request);
        if (isOurs(path, request.getContextPath())) {
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
            Map<String, String> headers = new HashMap<>();
            if (outcome.throttled()) {
                headers.put("Retry-After", String.valueOf(outcome.retryAfterSeconds()));
            }
            if (!exchange.proceeded() && outcome.status() == 403 && match.isPresent()
                    && match.get().tool().access() instanceof AccessRule.AnyRoleOf enough) {
                // RFC 6750, as the application's own 403s get it: the scopes that would have been enough
                headers.put("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\""
                        + String.join(" ", new TreeSet<>(enough.roles())) + "\"");
            }
            answer.replace(outcome.status(), error(outcome.errorMessage()), headers);
            return;
        }
        answer.letGo(guarded(answer, match.map(RestRoutes.Match::tool).orElse(null), call, exchange));
    }

    /**
     * The held body as the agent may have it: an error's text without the secrets the request carried (as a tool's
     * error is scrubbed), a JSON answer with the sensitive properties the caller may not see masked.
     */
    private byte[] guarded(BufferedResponse answer, ToolDefinition tool, RestCall call, RestExchange exchange) {
        byte[] body = answer.body();
        String type = answer.getContentType() == null ? "" : answer.getContentType().toLowerCase(Locale.ROOT);
        boolean json = type.contains("json");
        if (answer.getStatus() >= 400) {
            answer.rewordError(message -> redactor.scrub(message, call.toolName(), call.arguments()));
        }
        if (body.length == 0 || !json && !type.startsWith("text/")) {
            return body;
        }
        if (answer.getStatus() >= 400) {
            String text = new String(body, answer.charset());
            String scrubbed = redactor.scrub(text, call.toolName(), call.arguments());
            return scrubbed.equals(text) ? body : scrubbed.getBytes(answer.charset());
        }
        return json ? masked(body, answer, tool, exchange) : body;
    }

    private byte[] masked(byte[] body, BufferedResponse answer, ToolDefinition tool, RestExchange exchange) {
        PropertyMarks marks = exchange.answerMarks(tool);
        String json = new String(body, answer.charset());
        // the answer's type unknown (an AsyncResponse, a Response of a class CDI does not manage): masked by name
        String masked = marks == null ? sensitiveNames.mask(json, roles) : ResultMapper.masked(json, marks, roles);
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
