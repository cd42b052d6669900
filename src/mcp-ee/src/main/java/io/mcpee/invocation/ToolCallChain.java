package io.mcpee.invocation;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the guards of an agent's call to the two doors: {@link ToolInvoker#call(ToolCall)} for a {@code tools/call},
 * and the REST door's pass of an agent's REST request. The intercepted method's first parameter is the
 * {@link AgentCall}, and it returns a {@code ToolOutcome}. Each guard is one CDI interceptor with this binding and an
 * explicit {@code @Priority}; the priorities order the chain, so a guard is added as one class without touching the
 * others or the doors.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ToolCallChain {
}
