package io.mcpee.transport;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tool calls of sessions that are running now, by session and request id, so that the session's
 * {@code notifications/cancelled} can reach them. Only the session's own caller can name them: a session serves
 * only the caller that opened it.
 */
@ApplicationScoped
class InFlightCalls {
    private final Map<String, ToolCallExchange> running = new ConcurrentHashMap<>();

    void started(String sessionId, String requestId, ToolCallExchange call) {
        running.put(key(sessionId, requestId), call);
    }

    void ended(String sessionId, String requestId, ToolCallExchange call) {
        running.remove(key(sessionId, requestId), call);
    }

    /** Cancels the session's call of that request id, if it is still running. */
    void cancel(String sessionId, String requestId) {
        ToolCallExchange call = running.get(key(sessionId, requestId));
        if (call != null) {
            call.cancel();
        }
    }

    private static String key(String sessionId, String requestId) {
        return sessionId + ' ' + requestId;
    }
}
