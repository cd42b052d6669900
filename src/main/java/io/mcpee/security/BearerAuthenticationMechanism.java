package io.mcpee.security;

import io.mcpee.tokens.TokenFormat;
import io.mcpee.tokens.TokenIdentity;
import io.mcpee.tokens.TokenService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The application's one HTTP authentication mechanism (Jakarta EE allows one), for the REST API and the MCP
 * endpoint alike, so that a tool call and the REST call it mirrors see the same caller. It takes a bearer agent
 * token from the {@code Authorization} header (never from the query string), and answers a missing or invalid
 * credential on {@code /mcp} and {@code /api} with 401 and the {@code WWW-Authenticate} challenge of the MCP
 * authorization spec, pointing at the protected resource metadata.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {
    private final TokenService tokens;
    private final SecuritySettings settings;

    @Inject
    BearerAuthenticationMechanism(TokenService tokens, SecuritySettings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    /** For the CDI client proxy only. */
    protected BearerAuthenticationMechanism() {
        this.tokens = null;
        this.settings = null;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
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
        Optional<TokenIdentity> identity = bearer.get().startsWith(TokenFormat.PREFIX)
                ? tokens.authenticate(bearer.get()) : Optional.empty();
        if (identity.isEmpty()) {
            return refuse(request, response, context, "invalid_token", "the token is not valid");
        }
        TokenIdentity token = identity.get();
        AuthenticatedCaller caller = new AuthenticatedCaller(token.owner(), CallerKind.AGENT_TOKEN,
                String.valueOf(token.tokenId()), token.name(), token.permissions());
        return context.notifyContainerAboutLogin(caller, token.permissions());
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

    private static boolean isProtected(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/mcp") || path.startsWith("/mcp/") || path.startsWith("/api/") || path.equals("/api");
    }

    private AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, String error, String description) {
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
