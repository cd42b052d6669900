package io.mcpee.security;

import io.mcpee.invocation.AgentCall;
import io.mcpee.invocation.ToolCallChain;
import io.mcpee.results.ToolOutcome;
import io.mcpee.tools.AccessRule;
import io.mcpee.tools.ToolRegistry;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.util.Optional;

/**
 * The authorization step of a tool call: the resource's {@code @RolesAllowed}/{@code @PermitAll}/{@code @DenyAll}
 * enforced explicitly, whatever the server does on the REST path. A denied call is a 403 tool error that reveals
 * nothing of the data.
 */
@ToolCallChain
@Interceptor
@Priority(AuthorizationGuard.PRIORITY)
public class AuthorizationGuard {
    /** After authentication (the HTTP mechanism) and throttling, before argument checks and the resource. */
    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 400;

    private final ToolRegistry registry;
    private final ToolAccess access;

    @Inject
    AuthorizationGuard(ToolRegistry registry, ToolAccess access) {
        this.registry = registry;
        this.access = access;
    }

    @AroundInvoke
    Object authorize(InvocationContext invocation) throws Exception {
        AgentCall call = (AgentCall) invocation.getParameters()[0];
        // a REST request no tool stands for is the application's own to authorize, as for any of its callers
        Optional<AccessRule> rule = call.toolName() == null ? Optional.empty() : registry.accessRule(call.toolName());
        if (rule.isPresent() && !access.permits(rule.get())) {
            return ToolOutcome.denied("HTTP 403 Forbidden: this caller may not use the tool " + call.toolName());
        }
        return invocation.proceed();
    }
}
