package io.mcpee.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * CORS at {@code /mcp}, for MCP clients that run in a browser (such as the MCP Inspector's web UI): only the origins
 * listed in {@code mcpee.mcp.allowed-origins} get CORS headers, so by default no page of another origin can read an
 * answer. A listed origin's requests are answered with {@code Access-Control-Allow-Origin} naming it (never
 * {@code *}), credentials allowed, and the MCP headers a client must read exposed; its preflights with the methods
 * and headers MCP uses. Refusals carry the headers too (a 401's {@code WWW-Authenticate} is how a browser client
 * learns where to sign in). Whether a request may be served at all is the endpoint's Origin check, not this.
 */
@ApplicationScoped
public class CrossOrigin {
    static final List<String> METHODS = List.of("GET", "POST", "DELETE");
    static final Set<String> REQUEST_HEADERS = Set.of("authorization", "content-type", "accept", "mcp-session-id",
            "mcp-protocol-version", "last-event-id", "mcp-method", "mcp-name");
    static final String EXPOSED = "Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate, Retry-After";
    /** How long a browser may keep a preflight's answer, in seconds. */
    static final String MAX_AGE = "600";

    private final List<String> allowedOrigins;

    @Inject
    public CrossOrigin(@ConfigProperty(name = "mcpee.mcp.allowed-origins") Optional<String> allowedOrigins) {
        this.allowedOrigins = Arrays.stream(allowedOrigins.orElse("").split(","))
                .map(origin -> origin.strip().toLowerCase(Locale.ROOT))
                .filter(origin -> !origin.isEmpty()).toList();
    }

    /** For the CDI client proxy only. */
    protected CrossOrigin() {
        this.allowedOrigins = List.of();
    }

    /** The origins {@code mcpee.mcp.allowed-origins} lists, lower case. */
    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** Whether a request is a CORS preflight: {@code OPTIONS} with an {@code Origin} and the method it asks for. */
    public static boolean isPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    /** Adds the CORS headers of an answer to a request from a listed origin; nothing for any other request. */
    public void decorate(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        // Vary in every case: the answer depends on the Origin, a cache must not hand one origin's to another
        response.addHeader("Vary", "Origin");
        if (isListed(origin)) {
            response.setHeader("Access-Control-Allow-Origin", origin.strip());
            response.setHeader("Access-Control-Allow-Credentials", "true");
            response.setHeader("Access-Control-Expose-Headers", EXPOSED);
        }
    }

    /**
     * The headers of the answer to a preflight, given to {@code header}; null when it is allowed, else why not: the
     * origin is not listed, or it asks for a method or header MCP does not use.
     */
    public String preflight(String origin, String method, String requestHeaders, BiConsumer<String, String> header) {
        if (!isListed(origin)) {
            return "Forbidden: cross-origin requests from " + origin + " are not allowed";
        }
        if (method == null || !METHODS.contains(method.strip())) {
            return "Forbidden: method " + method + " is not allowed; " + String.join(", ", METHODS) + " are";
        }
        if (requestHeaders != null) {
            for (String name : requestHeaders.split(",")) {
                String clean = name.strip().toLowerCase(Locale.ROOT);
                if (!clean.isEmpty() && !REQUEST_HEADERS.contains(clean)) {
                    return "Forbidden: request header " + clean + " is not allowed";
                }
            }
        }
        header.accept("Access-Control-Allow-Origin", origin.strip());
        header.accept("Access-Control-Allow-Credentials", "true");
        header.accept("Access-Control-Allow-Methods", String.join(", ", METHODS));
        if (requestHeaders != null && !requestHeaders.isBlank()) {
            header.accept("Access-Control-Allow-Headers", requestHeaders.strip());
        }
        header.accept("Access-Control-Max-Age", MAX_AGE);
        header.accept("Vary", "Origin");
        return null;
    }

    private boolean isListed(String origin) {
        return origin != null && allowedOrigins.contains(origin.strip().toLowerCase(Locale.ROOT));
    }
}
