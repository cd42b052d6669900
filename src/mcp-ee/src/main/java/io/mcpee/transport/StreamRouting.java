package io.mcpee.transport;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes the requests answered with a stream that stays open to the resource methods that serve them, which take a
 * JAX-RS {@code SseEventSink}:
 * <ul>
 * <li>a 2026-07-28 {@code subscriptions/listen} POST ({@link McpEndpoint#listen}): its required {@code Mcp-Method}
 * header tells it before the body is read, and it is routed by an internal method name; a client that sends that
 * name itself gets 405, so the method serves only requests routed here. It checks the headers against the body as
 * every 2026-07-28 POST is checked;</li>
 * <li>a {@code GET} that accepts {@code text/event-stream} ({@link McpEndpoint#stream}) even when it prefers
 * another type (clients send {@code Accept: application/json, text/event-stream} everywhere), since an event
 * stream is all a {@code GET} here can give.</li>
 * </ul>
 */
@PreMatching
public class StreamRouting implements ContainerRequestFilter {
    static final String LISTEN = "MCP-LISTEN";

    /** The internal HTTP method of a routed {@code subscriptions/listen}. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @HttpMethod(LISTEN)
    @interface Listen {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getMethod().equals(LISTEN)) {
            // sent by a client: not a method of this endpoint (405)
            request.setMethod("NOT-" + LISTEN);
            return;
        }
        if (request.getMethod().equals("GET") && request.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.SERVER_SENT_EVENTS_TYPE) && !type.isWildcardType())) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.SERVER_SENT_EVENTS);
            return;
        }
        String method = request.getHeaderString("Mcp-Method");
        if (request.getMethod().equals("POST") && method != null && method.strip().equals("subscriptions/listen")) {
            request.setMethod(LISTEN);
        }
    }
}
