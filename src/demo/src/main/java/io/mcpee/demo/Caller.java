package io.mcpee.demo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;

/** The name of whoever makes the current request, for ownership and "last modified by". */
@RequestScoped
public class Caller {
    static final String ANONYMOUS = "anonymous";

    private final SecurityContext security;

    @Inject
    Caller(SecurityContext security) {
        this.security = security;
    }

    /** For the CDI client proxy only. */
    protected Caller() {
        this.security = null;
    }

    public boolean isInRole(String role) {
        return security.isCallerInRole(role);
    }

    public String name() {
        Principal principal = security.getCallerPrincipal();
        return principal == null || principal.getName() == null ? ANONYMOUS : principal.getName();
    }
}
