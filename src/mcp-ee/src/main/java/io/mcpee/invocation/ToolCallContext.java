package io.mcpee.invocation;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;

import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The MCP request a tool call runs in: its JAX-RS context objects serve the resource method's {@code @Context}
 * parameters (see {@link ContextObjects}), so resource code sees the caller it would see over REST; the session,
 * JSON-RPC request id and client are what an audit record names. The session is null in protocol 2026-07-28, which
 * has none. {@code inputResponses} gives the answers the client gave to the method's questions (2026-07-28
 * {@code input_required} rounds, those of earlier rounds included; in a session, those it gave while the call ran),
 * recorded with the call: read when the call has ended; null when it gave none.
 */
public record ToolCallContext(HttpHeaders headers, UriInfo uriInfo, SecurityContext securityContext,
                              Request request, Providers providers, String sessionId, String requestId,
                              String clientName, String clientVersion, Supplier<JsonObject> inputResponses) {

    public ToolCallContext {
        requireNonNull(requestId, "requestId is null");
        requireNonNull(headers, "headers is null");
        requireNonNull(uriInfo, "uriInfo is null");
        requireNonNull(securityContext, "securityContext is null");
        requireNonNull(request, "request is null");
        requireNonNull(providers, "providers is null");
        requireNonNull(inputResponses, "inputResponses is null");
    }
}
