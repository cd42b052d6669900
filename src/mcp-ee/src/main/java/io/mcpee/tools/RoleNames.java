package io.mcpee.tools;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

/** The role names a class mentions in {@code @DeclareRoles} and {@code @RolesAllowed} (class and methods). */
final class RoleNames {

    private RoleNames() {
    }

    static Set<String> of(Class<?> type) {
        Set<String> roles = new TreeSet<>();
        DeclareRoles declared = type.getAnnotation(DeclareRoles.class);
        if (declared != null) {
            roles.addAll(Set.of(declared.value()));
        }
        RolesAllowed classRoles = type.getAnnotation(RolesAllowed.class);
        if (classRoles != null) {
            roles.addAll(Set.of(classRoles.value()));
        }
        for (Method method : type.getMethods()) {
            RolesAllowed methodRoles = method.getAnnotation(RolesAllowed.class);
            if (methodRoles != null) {
                roles.addAll(Set.of(methodRoles.value()));
            }
        }
        return roles;
    }
}
