package io.mcpee.admin;

import io.mcpee.audit.AuditResource;
import io.mcpee.tokens.AdminErrorMapper;
import io.mcpee.tokens.CallerResource;
import io.mcpee.tokens.TokenAdminResource;
import io.mcpee.tokens.TokenExceptionMapper;
import io.mcpee.tokens.TokenGroupAdminResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * mcp-ee's administration API at {@code /mcp-ee/api} (tokens, token groups, the audit log, the caller), beside the
 * page that uses it at {@code /mcp-ee/admin/}: everything mcp-ee serves but {@code /mcp} and
 * {@code /.well-known/oauth-protected-resource*} sits under {@code /mcp-ee/}, so it never takes a path of the
 * application's. It lists its classes, so it serves none of the application's resources, and the application's own
 * JAX-RS applications (which may scan every resource) do not serve these: each resource answers only here.
 */
@ApplicationPath(AdminApplication.PATH)
public class AdminApplication extends Application {
    public static final String PATH = "mcp-ee/api";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TokenAdminResource.class, TokenGroupAdminResource.class, CallerResource.class,
                TokenExceptionMapper.class, AdminErrorMapper.class, DatabaseUnavailableMapper.class,
                TransactionFailureMapper.class, AuditResource.class);
    }
}
