package io.mcpee.tools;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** Every role the deployment's resources name in {@code @RolesAllowed} or {@code @DeclareRoles}. */
@ApplicationScoped
public class DeclaredRoles {
    private final Set<String> roles;

    @Inject
    DeclaredRoles(ToolExtension extension) {
        this.roles = extension.declaredRoles();
    }

    /** For the CDI client proxy only. */
    protected DeclaredRoles() {
        this.roles = Set.of();
    }

    public Set<String> all() {
        return roles;
    }
}
