package io.mcpee.rest;

import io.mcpee.tools.ResourceMethodCall;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Tells the REST door what the application's resource method returned on an agent's REST request, so that the
 * answer is masked by the class of the entity it carries (a {@code Response} says nothing of it). Bound by the
 * extension to every resource method of the application's beans; on any other call (a tool call, another thread) it
 * only passes the call on.
 */
@ResourceMethodCall
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_AFTER)
public class ReturnedEntity {

    @AroundInvoke
    Object tell(InvocationContext invocation) throws Exception {
        RestExchange exchange = RestExchange.current();
        if (exchange == null) {
            return invocation.proceed();
        }
        exchange.entering();
        Object returned = null;
        try {
            returned = invocation.proceed();
            return returned;
        } finally {
            exchange.returned(returned);
        }
    }
}
