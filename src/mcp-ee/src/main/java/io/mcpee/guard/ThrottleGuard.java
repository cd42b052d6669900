package io.mcpee.guard;

import io.mcpee.tools.ToolCall;
import io.mcpee.tools.ToolCallChain;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The throttling step of a tool call. The chain, by priority: authenticate (the HTTP mechanism, before any of
 * this) → audit (a later guard, at {@code PLATFORM_BEFORE + 200}: it must record throttled calls too) → throttle
 * (this) → authorize ({@code AuthorizationGuard}, {@code + 400}) → validate and invoke ({@code ToolInvoker}).
 * Throttling comes before authorization so that a client spinning on calls it may not make is bounded as well.
 * A refused call throws {@link Throttled} and never reaches the resource; a guard outside this one (the audit)
 * sees the refusal as that exception from {@code proceed()}, and must let it pass on to the endpoint's 429.
 */
@ToolCallChain
@Interceptor
@Priority(ThrottleGuard.PRIORITY)
public class ThrottleGuard {
    /** Room below for the audit guard; above is authorization ({@code PLATFORM_BEFORE + 400}). */
    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 300;

    private final Throttle throttle;

    @Inject
    ThrottleGuard(Throttle throttle) {
        this.throttle = throttle;
    }

    @AroundInvoke
    Object throttle(InvocationContext invocation) throws Exception {
        ToolCall call = (ToolCall) invocation.getParameters()[0];
        throttle.admitToolCall(call.toolName());
        return invocation.proceed();
    }
}
