package io.mcpee.tools;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Added by the extension to every resource method of the application's resource beans (and session beans), never
 * written by hand: the REST door's interceptor learns through it what a method returned, so that an agent's REST
 * answer is masked by the class of the entity it carries, as a tool result is.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ResourceMethodCall {

    final class Literal extends AnnotationLiteral<ResourceMethodCall> implements ResourceMethodCall {
        static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
