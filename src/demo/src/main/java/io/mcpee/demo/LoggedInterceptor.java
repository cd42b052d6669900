package io.mcpee.demo;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Records each completed {@link Logged} call in the {@link ActivityLog}, with its caller and outcome. */
@Logged
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class LoggedInterceptor {
    private final ActivityLog activity;
    private final Caller caller;

    @Inject
    LoggedInterceptor(ActivityLog activity, Caller caller) {
        this.activity = activity;
        this.caller = caller;
    }

    @AroundInvoke
    Object record(InvocationContext invocation) throws Exception {
        String operation = invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                + invocation.getMethod().getName();
        try {
            Object result = invocation.proceed();
            activity.record(caller.name(), operation, "ok");
            return result;
        } catch (Exception e) {
            activity.record(caller.name(), operation, "failed");
            throw e;
        }
    }
}
