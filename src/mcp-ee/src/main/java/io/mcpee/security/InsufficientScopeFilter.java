package io.mcpee.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.TreeSet;

/**
 * The OAuth answer to an authenticated REST caller refused for lack of a role (RFC 6750, as the MCP authorization
 * spec uses it): 403 with {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="..."} naming the
 * roles (scopes) that would have been enough, so a client can ask its IdP for them.
 */
@Provider
public class InsufficientScopeFilter implements ContainerResponseFilter {
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 403 || request.getSecurityContext().getUserPrincipal() == null
                || resource == null || resource.getResourceMethod() == null
                || response.getHeaders().containsKey("WWW-Authenticate")) {
            return;
        }
        RolesAllowed roles = rolesOf(resource.getResourceMethod(), resource.getResourceClass());
        if (roles != null && roles.value().length > 0) {
            response.getHeaders().putSingle("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\""
                    + String.join(" ", new TreeSet<>(java.util.List.of(roles.value()))) + "\"");
        }
    }

    private static RolesAllowed rolesOf(Method method, Class<?> type) {
        RolesAllowed onMethod = method.getAnnotation(RolesAllowed.class);
        return onMethod != null ? onMethod : type == null ? null : type.getAnnotation(RolesAllowed.class);
    }
}
