package io.mcpee.guard;

import io.mcpee.invocation.AgentCall;
import io.mcpee.invocation.ToolCallChain;
import io.mcpee.results.ToolOutcome;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The throttling step of a tool call. The chain, by priority: authenticate (the HTTP mechanism, before any of
 * this) → audit ({@code PLATFORM_BEFORE + 200}: it records throttled calls too) → the call's transaction
 * ({@code + 250}) → throttle (this) → authorize ({@code AuthorizationGuard}, {@code + 400}) → validate and
 * invoke ({@code ToolInvoker}).
 * Throttling comes before authorization so that a client spinning on calls it may not make is bounded as well.
 * A refused call ends here as a {@link ToolOutcome#throttled} outcome and never reaches the resource; the audit
 * outside records it like any other, and the endpoint answers it with 429.
 */
@ToolCallChain
@Interceptor
@Priority(ThrottleGuard.PRIORITY)
public class ThrottleGuard {
    /** Inside the audit and the transaction; outside authorization ({@code PLATFORM_BEFORE + 400}). */
    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 300;

    private final Throttle throttle;

    @Inject
    ThrottleGuard(Throttle throttle) {
        this.throttle = throttle;
    }

    @AroundInvoke
    Object throttle(InvocationContext invocation) throws Exception {
        AgentCall call = (AgentCall) invocation.getParameters()[0];
        var refused = throttle.admitToolCall(call.toolName());
        if (refused.isPresent()) {
            return ToolOutcome.throttled(refused.get().retryAfterSeconds());
        }
        return invocation.proceed();
    }
}
