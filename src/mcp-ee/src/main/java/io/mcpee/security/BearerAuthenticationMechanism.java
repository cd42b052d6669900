package io.mcpee.security;

import io.mcpee.api.AuthenticatedCaller;
import io.mcpee.api.CallerKind;
import io.mcpee.audit.UnauthenticatedRequest;
import io.mcpee.network.ClientAddresses;
import io.mcpee.network.CrossOrigin;
import io.mcpee.persistence.DatabaseHealth;
import io.mcpee.persistence.DatabaseUnavailable;
import io.mcpee.tokens.TokenAuthenticator;
import io.mcpee.tokens.TokenFormat;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The web application's HTTP authentication mechanism (Jakarta EE 10 uses one), for the REST API and the MCP
 * endpoint alike, so that a tool call and the REST call it mirrors see the same caller. It takes a bearer credential
 * from the {@code Authorization} header (never from the query string): an agent token ({@code mcp_...}), or a
 * MicroProfile JWT from the enterprise IdP, verified by {@link JwtVerifier}. It answers a missing or invalid
 * credential on the agent paths ({@link AgentPaths}) with 401 and the {@code WWW-Authenticate} challenge of the MCP
 * authorization spec, pointing at the protected resource metadata. Every other request of an application that has
 * a mechanism of its own (form, Basic, OpenID Connect for its people) goes to that one.
 */
@ApplicationScoped
@Alternative
@Priority(BearerAuthenticationMechanism.PRIORITY)
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {
    /**
     * An enabled alternative: where the application has a mechanism of its own (its own bean, or one a
     * {@code *MechanismDefinition} annotation makes), the container picks this one, which hands the application's
     * requests on to it ({@link ApplicationMechanism}). An application mechanism that is itself an alternative of
     * higher priority would win instead.
     */
    static final int PRIORITY = jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER + 500;
    private static final Logger LOG = Logger.getLogger(BearerAuthenticationMechanism.class.getName());
    /** Marks a request this mechanism handed to the application's, for its secureResponse. */
    private static final String DELEGATED = BearerAuthenticationMechanism.class.getName() + ".delegated";

    private final TokenAuthenticator tokens;
    private final JwtVerifier jwts;
    private final SecuritySettings settings;
    private final ClientAddresses addresses;
    private final Event<UnauthenticatedRequest> refusals;
    private final DatabaseHealth database;
    private final AgentPaths agentPaths;
    private final ApplicationMechanism applicationMechanism;
    private final CrossOrigin crossOrigin;

    @Inject
    BearerAuthenticationMechanism(TokenAuthenticator tokens, JwtVerifier jwts, SecuritySettings settings,
                                  ClientAddresses addresses, Event<UnauthenticatedRequest> refusals,
                                  DatabaseHealth database, AgentPaths agentPaths,
                                  ApplicationMechanism applicationMechanism, CrossOrigin crossOrigin) {
        this.tokens = tokens;
        this.jwts = jwts;
        this.settings = settings;
        this.addresses = addresses;
        this.refusals = refusals;
        this.database = database;
        this.agentPaths = agentPaths;
        this.applicationMechanism = applicationMechanism;
        this.crossOrigin = crossOrigin;
    }

    /** For the CDI client proxy only. */
    protected BearerAuthenticationMechanism() {
        this.tokens = null;
        this.jwts = null;
        this.settings = null;
        this.addresses = null;
        this.refusals = null;
        this.database = null;
        this.agentPaths = null;
        this.applicationMechanism = null;
        this.crossOrigin = null;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        if (isMcp(path(request))) {
            if (CrossOrigin.isPreflight(request)) {
                // a browser asking whether it may send; it sends no credentials, and the endpoint answers
                return context.doNothing();
            }
            // on every answer of the endpoint's, a refusal from here included
            crossOrigin.decorate(request, response);
        }
        Optional<HttpAuthenticationMechanism> application = applicationMechanism.get();
        if (application.isPresent() && !isAgentRequest(request)) {
            // a person of the application's, signing in its way: its mechanism decides, on every path but /mcp
            request.setAttribute(DELEGATED, Boolean.TRUE);
            return application.get().validateRequest(request, response, context);
        }
        String query = request.getQueryString();
        if (query != null && query.toLowerCase(Locale.ROOT).matches("(^|.*&)access_token=.*")) {
            return refuse(request, response, context, "invalid_request",
                    "credentials are accepted only in the Authorization header");
        }
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            if (settings.anonymousAllowed() || !isProtected(request)) {
                return context.doNothing();
            }
            return refuse(request, response, context, null, "a bearer token is required");
        }
        Optional<String> bearer = bearer(header);
        if (bearer.isEmpty()) {
            return refuse(request, response, context, "invalid_request", "use the Bearer scheme");
        }
        Optional<AuthenticatedCaller> caller;
        try {
            if (isProtected(request) && !database.admits()) {
                // the database is down: nothing an agent does here could be recorded, so nothing is done
                throw database.unavailable();
            }
            caller = bearer.get().startsWith(TokenFormat.PREFIX) ? agent(bearer.get()) : jwt(bearer.get());
        } catch (DatabaseUnavailable unavailable) {
            return unavailable(request, response, unavailable);
        }
        if (caller.isEmpty()) {
            return refuse(request, response, context, "invalid_token", "the token is not valid");
        }
        // kept on the request too: the authorization guard reads it there instead of asking the container
        caller.get().attachTo(request);
        return context.notifyContainerAboutLogin(caller.get(), caller.get().grants());
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) throws AuthenticationException {
        Optional<HttpAuthenticationMechanism> application = applicationMechanism.get();
        if (application.isPresent() && request.getAttribute(DELEGATED) != null) {
            return application.get().secureResponse(request, response, context);
        }
        return HttpAuthenticationMechanism.super.secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        // a logout: the application's mechanism may hold a session or a remember-me cookie of its own
        Optional<HttpAuthenticationMechanism> application = applicationMechanism.get();
        if (application.isPresent()) {
            application.get().cleanSubject(request, response, context);
        } else {
            HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
        }
    }

    /**
     * Whether this request is an agent's, for this mechanism whatever else the application has: a bearer credential
     * (in the header, or refused in the query string), or anything at {@code /mcp}, whose clients need the bearer
     * challenge, never a login page.
     */
    private static boolean isAgentRequest(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.strip().regionMatches(true, 0, "bearer", 0, 6)) {
            return true;
        }
        String query = request.getQueryString();
        return query != null && query.toLowerCase(Locale.ROOT).contains("access_token=")
                || AgentPaths.isMcp(path(request));
    }

    /** An agent token acts as its owner, with the token's own permissions only (and its own rate limit, if any). */
    private Optional<AuthenticatedCaller> agent(String token) {
        return tokens.authenticate(token).map(identity -> new AuthenticatedCaller(identity.owner(),
                CallerKind.AGENT_TOKEN, String.valueOf(identity.tokenId()), identity.name(), identity.permissions(),
                java.util.Map.of(), identity.rateLimit(), identity.expiresAt()));
    }

    /** A JWT acts as its caller name (upn, preferred_username, sub), with its groups and scopes as roles. */
    private Optional<AuthenticatedCaller> jwt(String token) {
        JwtResult result = jwts.verify(token);
        if (result instanceof JwtResult.Rejected rejected) {
            // the detail may name the expected issuer: for the log, never for the client
            LOG.fine(() -> "mcp-ee: JWT rejected: " + rejected.reason() + " " + rejected.detail());
        }
        return result.verified().map(jwt -> new AuthenticatedCaller(jwt.callerName(), CallerKind.JWT,
                jwt.subject(), jwt.clientId().orElse(jwt.subject()), jwt.groups(), jwt.claims()));
    }

    /** "Bearer xyz", scheme case-insensitive (RFC 9110), one space or more. */
    static Optional<String> bearer(String header) {
        String value = header.strip();
        if (value.length() > 7 && value.substring(0, 7).equalsIgnoreCase("bearer ")) {
            String credential = value.substring(7).strip();
            return credential.isEmpty() || credential.contains(" ") ? Optional.empty() : Optional.of(credential);
        }
        return Optional.empty();
    }

    private boolean isProtected(HttpServletRequest request) {
        return agentPaths.isAgentPath(path(request));
    }

    /**
     * The request's path below the context root as the container mapped it (servlet path and path info: decoded,
     * with {@code //} and dot segments resolved), never the raw URI: {@code //mcp} reaches the MCP endpoint, so it
     * must be {@code /mcp} here too, or it would pass without credentials.
     */
    private static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    }

    private static boolean isMcp(String path) {
        return AgentPaths.isMcp(path);
    }

    /**
     * 503 with {@code Retry-After}, in the form the path speaks: a JSON-RPC error at {@code /mcp}, the JSON error of
     * the REST and admin APIs elsewhere.
     */
    private static AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response,
                                                    DatabaseUnavailable unavailable) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(unavailable.retryAfterSeconds()));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        String message = unavailable.getMessage();
        try {
            response.getWriter().write(isMcp(path(request))
                    ? "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32603,\"message\":\"" + message
                    + "\",\"data\":{\"retryAfter\":" + unavailable.retryAfterSeconds() + "}}}"
                    : "{\"error\":\"" + message + "\"}");
        } catch (IOException e) {
            // the status says it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, String error, String description) {
        // counted for the audit (at /mcp, the REST API and the admin API alike), not recorded one by one: a flood
        // of them cannot fill the audit table
        refusals.fire(new UnauthenticatedRequest(addresses.of(request)));
        StringBuilder challenge = new StringBuilder("Bearer resource_metadata=\"")
                .append(ProtectedResourceMetadata.metadataUrl(request, settings)).append('"');
        if (error != null) {
            challenge.append(", error=\"").append(error).append("\", error_description=\"").append(description)
                    .append('"');
        }
        response.setHeader("WWW-Authenticate", challenge.toString());
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        try {
            response.getWriter().write("{\"error\":\"" + (error == null ? "unauthorized" : error)
                    + "\",\"error_description\":\"" + description + "\"}");
        } catch (IOException e) {
            // the status and challenge are set; a body is a courtesy
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
