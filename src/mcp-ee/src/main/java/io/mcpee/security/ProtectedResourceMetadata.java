package io.mcpee.security;

import io.mcpee.api.McpIgnore;
import io.mcpee.protocol.JsonText;
import io.mcpee.tools.DeclaredRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.TreeSet;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) for the MCP endpoint, as the MCP authorization spec asks:
 * which authorization servers issue tokens for it and which scopes its tools know. Served at
 * {@code /.well-known/oauth-protected-resource} and at the path-suffixed {@code .../mcp}.
 */
@Path("oauth-protected-resource")
@McpIgnore
@ApplicationScoped
public class ProtectedResourceMetadata {
    static final String MCP_METADATA_PATH = "/.well-known/oauth-protected-resource/mcp";

    private final SecuritySettings settings;
    private final DeclaredRoles roles;

    @Inject
    ProtectedResourceMetadata(SecuritySettings settings, DeclaredRoles roles) {
        this.settings = settings;
        this.roles = roles;
    }

    /** For the CDI client proxy, and for JAX-RS, which wants a public constructor. */
    public ProtectedResourceMetadata() {
        this.settings = null;
        this.roles = null;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String root(@Context HttpServletRequest request) {
        return document(request);
    }

    @GET
    @Path("mcp")
    @Produces(MediaType.APPLICATION_JSON)
    public String mcp(@Context HttpServletRequest request) {
        return document(request);
    }

    private String document(HttpServletRequest request) {
        JsonArrayBuilder servers = JsonText.BUILDERS.createArrayBuilder();
        settings.authorizationServers().forEach(servers::add);
        JsonArrayBuilder scopes = JsonText.BUILDERS.createArrayBuilder();
        new TreeSet<>(roles.all()).forEach(scopes::add);
        return JsonText.BUILDERS.createObjectBuilder()
                .add("resource", base(request, settings) + "/mcp")
                .add("authorization_servers", servers)
                .add("scopes_supported", scopes)
                .add("bearer_methods_supported", JsonText.BUILDERS.createArrayBuilder().add("header"))
                .add("resource_name", "mcp-ee")
                .build().toString();
    }

    static String metadataUrl(HttpServletRequest request, SecuritySettings settings) {
        return base(request, settings) + MCP_METADATA_PATH;
    }

    /** The server's public base URL: configured, else as this request addressed it. */
    static String base(HttpServletRequest request, SecuritySettings settings) {
        return settings.resourceUrl().orElseGet(() -> {
            StringBuilder url = new StringBuilder(request.getScheme()).append("://").append(request.getServerName());
            int port = request.getServerPort();
            boolean standard = ("http".equals(request.getScheme()) && port == 80)
                    || ("https".equals(request.getScheme()) && port == 443);
            if (!standard) {
                url.append(':').append(port);
            }
            return url.append(request.getContextPath()).toString();
        });
    }
}
