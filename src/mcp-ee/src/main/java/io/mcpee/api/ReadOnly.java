package io.mcpee.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a property of a request body that the server sets and a tool call may not: an owner, a creation time, a
 * status changed only by its own operation. Put it on the field, record component, getter or setter.
 *
 * <p>The property is left out of every tool's input schema (it stays in output schemas: results still carry it),
 * and a tool call whose arguments set it anyway is refused before the resource method runs, with an
 * {@code isError} result naming it ({@code customer.createdAt: is read-only and cannot be set}). Generated ids
 * (JPA {@code @GeneratedValue}) and versions ({@code @Version}) are read-only without it; an assigned {@code @Id}
 * is not, since a caller must give it.
 *
 * <p>Only tool calls are affected: JSON-B, and so the REST API, reads the property as before.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface ReadOnly {
}
