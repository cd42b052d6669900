package io.mcpee.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Authentication settings (MicroProfile Config); the README lists them. */
@ApplicationScoped
public class SecuritySettings {
    private final boolean anonymousAllowed;
    private final Optional<String> resourceUrl;
    private final List<String> authorizationServers;

    @Inject
    SecuritySettings(@ConfigProperty(name = "mcpee.security.anonymous", defaultValue = "false") boolean anonymous,
                     @ConfigProperty(name = "mcpee.security.resource-url") Optional<String> resourceUrl,
                     @ConfigProperty(name = "mcpee.security.authorization-servers") Optional<String> servers) {
        this.anonymousAllowed = anonymous;
        this.resourceUrl = resourceUrl.map(u -> u.replaceAll("/+$", ""));
        this.authorizationServers = Arrays.stream(servers.orElse("").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** For the CDI client proxy only. */
    protected SecuritySettings() {
        this(false, Optional.empty(), Optional.empty());
    }

    /** Development setting: requests without credentials run as anonymous, who may use only @PermitAll tools. */
    public boolean anonymousAllowed() {
        return anonymousAllowed;
    }

    /** This server's public base URL, when it differs from what requests show (a reverse proxy). */
    public Optional<String> resourceUrl() {
        return resourceUrl;
    }

    /** The OAuth authorization servers (the IdP's issuer) named in the protected resource metadata. */
    public List<String> authorizationServers() {
        return authorizationServers;
    }
}
