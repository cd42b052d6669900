package io.mcpee.tools;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import java.lang.reflect.Method;
import java.util.Set;

/**
 * Who may call a tool, from the resource's Jakarta security annotations, method over class as Jakarta specifies.
 * Computed once per tool; checked explicitly on every call, because calling a resource method through CDI skips
 * the JAX-RS runtime's own {@code @RolesAllowed} check. Deny unless allowed: a method with no security annotation
 * (on it or its class) is no one's tool, though JAX-RS would leave its REST call unchecked; an agent gets exactly
 * what it was granted, and anonymous callers only what says {@code @PermitAll}.
 */
public sealed interface AccessRule {

    /** {@code @PermitAll}: anyone, anonymous callers included. */
    record Anyone() implements AccessRule {
    }

    /** {@code @DenyAll}: no one. */
    record NoOne() implements AccessRule {
    }

    /** {@code @RolesAllowed}: callers in at least one of the roles. */
    record AnyRoleOf(Set<String> roles) implements AccessRule {
        public AnyRoleOf {
            roles = Set.copyOf(roles);
        }
    }

    static AccessRule of(Method method, Class<?> resourceClass) {
        AccessRule onMethod = declared(method.getAnnotation(DenyAll.class), method.getAnnotation(PermitAll.class),
                method.getAnnotation(RolesAllowed.class));
        if (onMethod != null) {
            return onMethod;
        }
        AccessRule onClass = declared(resourceClass.getAnnotation(DenyAll.class),
                resourceClass.getAnnotation(PermitAll.class), resourceClass.getAnnotation(RolesAllowed.class));
        return onClass != null ? onClass : new NoOne();
    }

    private static AccessRule declared(DenyAll deny, PermitAll permit, RolesAllowed roles) {
        if (deny != null) {
            return new NoOne();
        }
        if (roles != null) {
            return new AnyRoleOf(Set.of(roles.value()));
        }
        return permit != null ? new Anyone() : null;
    }
}
