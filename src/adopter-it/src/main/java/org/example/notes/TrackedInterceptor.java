package org.example.notes;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Counts each call of a {@link Tracked} method, whoever makes it. */
@Tracked
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class TrackedInterceptor {
    @Inject
    Tracker tracker;

    @AroundInvoke
    Object track(InvocationContext invocation) throws Exception {
        tracker.called(invocation.getMethod().getName());
        return invocation.proceed();
    }
}
