package io.mcpee.security;

import io.mcpee.tools.DeclaredRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The application's one HTTP authentication mechanism (Jakarta EE allows one), for the REST API and the MCP
 * endpoint alike, so that a tool call and the REST call it mirrors see the same caller.
 * In {@link SecurityMode#OPEN} every request runs as {@code mcpee.security.open.user} with every role the
 * deployment declares: the documented development mode, until bearer authentication is configured.
 */
@ApplicationScoped
public class McpEeAuthenticationMechanism implements HttpAuthenticationMechanism {
    private static final Logger LOG = Logger.getLogger(McpEeAuthenticationMechanism.class.getName());

    private final SecurityMode mode;
    private final String openUser;
    private final Set<String> openRoles;

    @Inject
    McpEeAuthenticationMechanism(@ConfigProperty(name = "mcpee.security.mode", defaultValue = "open") String mode,
                                 @ConfigProperty(name = "mcpee.security.open.user", defaultValue = "developer")
                                 String openUser,
                                 DeclaredRoles roles) {
        this.mode = SecurityMode.parse(mode);
        this.openUser = openUser;
        this.openRoles = Set.copyOf(new HashSet<>(roles.all()));
        if (this.mode == SecurityMode.OPEN) {
            LOG.warning("mcp-ee: security mode OPEN: every caller acts as \"" + openUser + "\" with the roles "
                    + openRoles + ". For development only.");
        }
    }

    /** For the CDI client proxy only. */
    protected McpEeAuthenticationMechanism() {
        this.mode = SecurityMode.OPEN;
        this.openUser = null;
        this.openRoles = Set.of();
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        return switch (mode) {
            case OPEN -> context.notifyContainerAboutLogin(openUser, openRoles);
        };
    }
}
