package io.mcpee.results;

import io.mcpee.log.Incident;
import jakarta.ejb.EJBException;
import jakarta.json.bind.Jsonb;
import jakarta.transaction.TransactionalException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns what a resource method threw into an {@code isError} result a model can act on, with the status a REST
 * caller would have got. Only messages written for callers pass: a WebApplicationException's own message, the
 * violated constraints, an application ExceptionMapper's text entity. Anything else is logged with a reference
 * that the caller gets instead, so no class name, SQL or stack trace reaches the client.
 */
public final class FailureMapper {
    private static final Logger LOG = Logger.getLogger(FailureMapper.class.getName());
    private static final int MAX_MESSAGE = 500;

    private FailureMapper() {
    }

    /**
     * {@code scrubber} masks the call's secrets in what is logged: an application's exception message may repeat
     * its arguments.
     */
    public static ToolOutcome map(String toolName, Throwable thrown, ApplicationExceptionMappers mappers, Jsonb jsonb,
                           UnaryOperator<String> scrubber) {
        Throwable failure = unwrap(thrown);
        if (failure instanceof WebApplicationException web) {
            return fromStatus(web.getResponse().getStatus(), callerMessage(web, jsonb));
        }
        if (failure instanceof ConstraintViolationException violations) {
            return ToolOutcome.violated(violations);
        }
        Response mapped = mappers.toResponse(failure);
        if (mapped != null) {
            return fromStatus(mapped.getStatus(), entityText(mapped.getEntity(), jsonb));
        }
        Incident incident = Incident.log(LOG, Level.WARNING, "tool " + toolName + " failed",
                Redactor.forLog(failure, scrubber));
        return ToolOutcome.error(500, incident.tell("HTTP 500 Internal Server Error: the tool failed"));
    }

    static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        for (int depth = 0; depth < 10; depth++) {
            Throwable cause = current.getCause();
            boolean wrapper = current instanceof InvocationTargetException
                    || current instanceof UndeclaredThrowableException || current instanceof EJBException
                    || current instanceof TransactionalException || current instanceof CompletionException
                    || current instanceof ExecutionException;
            if (!wrapper || cause == null) {
                return current;
            }
            current = cause;
        }
        return current;
    }

    static String describe(ConstraintViolationException exception) {
        List<String> problems = exception.getConstraintViolations().stream()
                .map(FailureMapper::describe).sorted().toList();
        return problems.isEmpty() ? "validation failed" : String.join("; ", problems);
    }

    /** "customer.email: must be a well-formed email address": the path without the method and parameter. */
    private static String describe(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> path.append(node.getName());
                default -> {
                    if (node.getName() == null) {
                        // a class-level constraint: the violation is on the bean itself
                        continue;
                    }
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(node.getName());
                }
            }
        }
        return (path.isEmpty() ? "arguments" : path) + ": " + violation.getMessage();
    }

    private static String callerMessage(WebApplicationException web, Jsonb jsonb) {
        String entity = entityText(web.getResponse().getEntity(), jsonb);
        if (entity != null) {
            return entity;
        }
        String message = web.getMessage();
        // JAX-RS fills a default "HTTP 404 Not Found"; anything else is the application's own words
        return message == null || message.startsWith("HTTP ") ? null : message;
    }

    static String entityText(Object entity, Jsonb jsonb) {
        if (entity == null) {
            return null;
        }
        if (entity instanceof String text) {
            return text.isBlank() ? null : text;
        }
        try {
            return jsonb.toJson(entity);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static ToolOutcome fromStatus(int status, String message) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String line = "HTTP " + status + (type == null ? "" : " " + type.getReasonPhrase());
        return ToolOutcome.error(status, message == null ? line : line + ": " + truncate(message));
    }

    private static String truncate(String message) {
        String oneLine = message.strip();
        return oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE) + "..." : oneLine;
    }
}
