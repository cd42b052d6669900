package io.mcpee.tokens;

import io.mcpee.audit.AuditResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * mcp-ee's administration API at {@code /api/admin}, apart from the application's own JAX-RS application (the
 * servlet mapping {@code /api/admin/*} is longer than the application's {@code /api/*}, so it wins).
 */
@ApplicationPath("api/admin")
public class AdminApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TokenAdminResource.class, TokenGroupAdminResource.class, CallerResource.class,
                TokenExceptionMapper.class, AdminErrorMapper.class, AuditResource.class);
    }
}
