package io.mcpee.rest;

import io.mcpee.schema.PropertyMarks;
import io.mcpee.tools.ToolDefinition;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.concurrent.CompletionStage;

/**
 * One agent REST request on its way through the door: the request and the held answer the application is handed,
 * the rest of the servlet chain, and what the resource method returned (told by {@link ReturnedEntity}), from which
 * the answer's sensitive properties are known.
 */
final class RestExchange {
    private static final ThreadLocal<RestExchange> CURRENT = new ThreadLocal<>();

    private final AgentRequest request;
    private final BufferedResponse answer;
    private final FilterChain chain;
    private boolean proceeded;
    private int depth;
    private Object returned;
    private boolean returnedKnown;

    RestExchange(AgentRequest request, BufferedResponse answer, FilterChain chain) {
        this.request = request;
        this.answer = answer;
        this.chain = chain;
    }

    /** The exchange the current thread is running the application for, or null. */
    static RestExchange current() {
        return CURRENT.get();
    }

    /** Hands the request to the application and waits for its whole answer. */
    void proceed() {
        proceeded = true;
        CURRENT.set(this);
        try {
            chain.doFilter(request, answer);
            request.awaitAsync();
            answer.flushBuffer();
        } catch (IOException | ServletException | RuntimeException e) {
            throw new RestRequestFailed(e);
        } finally {
            CURRENT.remove();
        }
    }

    /** Whether the application got the request (a guard may have answered instead). */
    boolean proceeded() {
        return proceeded;
    }

    BufferedResponse answer() {
        return answer;
    }

    void entering() {
        depth++;
    }

    /** A resource method returned: the outermost one's value is the answer's. */
    void returned(Object value) {
        depth--;
        if (depth == 0) {
            returned = value;
            returnedKnown = true;
        }
    }

    /**
     * The sensitive properties of the answer: by the class of the entity the resource method returned (inside a
     * {@code Response}, a {@code GenericEntity} or a completed {@code CompletionStage}), else by the tool's declared
     * result type; null when neither tells (a resource class CDI does not manage, returning a {@code Response}).
     */
    PropertyMarks answerMarks(ToolDefinition tool) {
        if (returnedKnown) {
            Object value = returned;
            if (value instanceof CompletionStage<?> stage) {
                value = completed(stage);
            }
            if (value instanceof Response response) {
                value = response.getEntity();
            }
            Type type = null;
            if (value instanceof GenericEntity<?> generic) {
                type = generic.getType();
                value = generic.getEntity();
            }
            if (value != null) {
                return PropertyMarks.ofEntity(value, type);
            }
        }
        return tool == null ? null : tool.output();
    }

    private static Object completed(CompletionStage<?> stage) {
        try {
            var future = stage.toCompletableFuture();
            return future.isDone() && !future.isCompletedExceptionally() ? future.getNow(null) : null;
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }
}
