package io.mcpee.transport;

import io.mcpee.protocol.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests this server has sent to clients of sessions and awaits answers to (a tool call asking its client),
 * by session and request id. A client's response is matched only within its own session, and a session serves only
 * the caller that opened it, so no one else can answer in its place.
 */
@ApplicationScoped
class ClientRequests {
    private final Map<String, CompletableFuture<Message.Response>> awaited = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** A request to be sent to the session's client: its id, and the response once the client has given it. */
    record Pending(String sessionId, String id, CompletableFuture<Message.Response> response) {
    }

    /** Opens a request of the session's; {@link #close} it when done, answered or not. */
    Pending open(String sessionId) {
        // unique on this server; ids are the server's own namespace, apart from the client's request ids
        String id = "mcp-ee-" + sequence.incrementAndGet();
        CompletableFuture<Message.Response> response = new CompletableFuture<>();
        awaited.put(key(sessionId, id), response);
        return new Pending(sessionId, id, response);
    }

    void close(Pending pending) {
        awaited.remove(key(pending.sessionId(), pending.id()), pending.response());
    }

    /** Hands the client's response to the request awaiting it; false when no request of the session has its id. */
    boolean answered(String sessionId, Message.Response response) {
        JsonValue id = response.id().value();
        if (!(id instanceof JsonString text)) {
            return false;
        }
        CompletableFuture<Message.Response> awaiting = awaited.remove(key(sessionId, text.getString()));
        return awaiting != null && awaiting.complete(response);
    }

    private static String key(String sessionId, String id) {
        return sessionId + ' ' + id;
    }
}
