package io.mcpee.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides what mcp-ee derives for the tool made from a JAX-RS resource method. Every resource method becomes a
 * tool without it; use it to rename a tool, describe it for a model, or correct its behaviour hints.
 * Empty strings and {@link Hint#DERIVED} keep the derived value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface McpTool {

    /** The tool name, matching {@code [A-Za-z0-9_.-]{1,128}} and unique in the deployment. */
    String name() default "";

    /** A short human-readable title. */
    String title() default "";

    /** What the tool does, written for a model choosing among tools. */
    String description() default "";

    /** The tool does not change anything. Derived: true for GET. */
    Hint readOnly() default Hint.DERIVED;

    /** The tool may destroy or irreversibly change data. Derived: true for DELETE. */
    Hint destructive() default Hint.DERIVED;

    /** Calling the tool twice with the same arguments has the effect of calling it once. Derived: PUT, DELETE. */
    Hint idempotent() default Hint.DERIVED;

    /** The tool reaches systems outside this application. Derived: not stated. */
    Hint openWorld() default Hint.DERIVED;

    /**
     * A limit of this tool's calls per agent, such as {@code "10/minute"} (per second, minute, hour or day), on top
     * of the agent's overall budget. Empty: none. The configuration key {@code mcpee.throttle.tool.<name>} overrides
     * it; a malformed rate fails the deployment.
     */
    String rateLimit() default "";

    /** A behaviour hint: derived from the HTTP method, or stated. */
    enum Hint {
        DERIVED, TRUE, FALSE
    }
}
