package io.mcpee.tools;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** Every role the deployment's resources name in {@code @RolesAllowed} or {@code @DeclareRoles}. */
@ApplicationScoped
public class DeclaredRoles {
    private final ToolExtension extension;

    @Inject
    DeclaredRoles(ToolExtension extension) {
        this.extension = extension;
    }

    /** For the CDI client proxy only. */
    protected DeclaredRoles() {
        this.extension = null;
    }

    /** Read from the extension each time: classes the servlet container hands it late may name roles too. */
    public Set<String> all() {
        return extension.declaredRoles();
    }
}
