package io.mcpee.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a value an agent should not see, or that must not be recorded as given: a field, record component or
 * accessor of a class that tool calls read or return, or a resource method parameter.
 *
 * <ul>
 *   <li><b>In tool results</b> a property carrying it is replaced by the mask {@code "***"}, in
 *   {@code structuredContent} and in the text copy alike, unless the caller holds {@link #unlessRole()}. The tool's
 *   output schema says so ({@code "x-mcpee-sensitive": true} and a type that admits the mask). Only tool results
 *   are masked: the same resource over REST answers as the application wrote it.</li>
 *   <li><b>In tool arguments</b> its value is masked whatever {@link #unlessRole()} says wherever mcp-ee records or
 *   repeats arguments (audit records; error messages that would echo the value).</li>
 * </ul>
 *
 * <pre>{@code
 * @Sensitive(unlessRole = "customers:pii")
 * private String ssn;
 * }</pre>
 *
 * A {@code null} or absent value stays as it is: there is nothing to hide.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Sensitive {

    /**
     * A role whose holders see the value in tool results. Empty (the default): the value is masked for every
     * caller. Declare the role like any other (for example with {@code @DeclareRoles} on the JAX-RS application),
     * so the server can map it.
     */
    String unlessRole() default "";
}
