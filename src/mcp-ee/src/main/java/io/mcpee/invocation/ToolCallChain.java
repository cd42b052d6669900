package io.mcpee.invocation;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the guards of a tool call to {@link ToolInvoker#call(ToolCall)}. Each guard is one CDI interceptor with this
 * binding and an explicit {@code @Priority}; the priorities order the chain, so a guard is added as one class
 * without touching the others or the invoker.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ToolCallChain {
}
