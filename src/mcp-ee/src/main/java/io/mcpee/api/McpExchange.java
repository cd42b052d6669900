package io.mcpee.api;

import jakarta.json.JsonObject;

import java.util.Map;

/**
 * What a resource method running as a tool can tell the agent while it works, and what the agent can tell it:
 * progress, log messages, cancellation, answers to questions. Inject it ({@code @Inject McpExchange exchange}) into
 * the resource.
 * <p>
 * The same code serves both doors: on a REST request, or when the agent asked for neither progress nor log
 * messages, reports go nowhere and nothing is ever cancelled. Reports reach the agent while the method runs (the
 * answer is then an event stream); what they say is scrubbed of the call's sensitive arguments and of anything that
 * looks like a credential, as error messages are.
 */
public interface McpExchange {

    /**
     * Reports how far the call has come, if the agent asked for progress (a progress token in the request).
     * The protocol requires progress to increase: a report that does not is dropped.
     *
     * @param progress how much is done, in any unit
     * @param total    how much there is to do, or null when unknown
     * @param message  what is being done, or null
     */
    void progress(double progress, Double total, String message);

    /**
     * Sends a log message ({@code notifications/message}) to the agent, if it asked for messages of this level or a
     * more severe one ({@code logging/setLevel} in a session, or the request's log level in 2026-07-28).
     */
    void log(LogLevel level, String message);

    /**
     * Whether the agent cancelled the call ({@code notifications/cancelled}, or it closed the call's event stream).
     * A long method may look and stop early: if it then throws, its transaction rolls back as for any failure. The
     * audit records the call as {@code CANCELLED} either way, with the status the method ended with.
     */
    boolean isCancelled();

    /**
     * Asks the agent's client (see {@link InputRequest}) and returns its answers by key, once it has given all of
     * them; a key already answered in this call is not asked again.
     * <p>
     * In a session (protocol 2025-11-25 and earlier) the questions go to the client on the call's event stream and
     * this waits for its answers, at most {@code mcpee.mcp.ask-timeout} (then 408), with the call's transaction
     * open: ask before changing anything. The call is answered as an event stream when its client accepts one and
     * declared it can answer something, and the resource class takes an {@code McpExchange}.
     * <p>
     * In protocol 2026-07-28 this does not return until the client has the answers: the call ends with an
     * {@code input_required} result, its transaction rolled back, and the client calls the tool again with the
     * answers; the method then runs again from its start, and this time {@code ask} returns them (answers of
     * earlier rounds come back too, carried in the call's tamper-proof {@code requestState}). So do not catch what
     * it throws.
     *
     * @throws jakarta.ws.rs.BadRequestException when no client can answer (a REST request; a session's client that
     *                                           did not declare the capability a question needs), or the client
     *                                           refused or cancelled
     * @throws jakarta.ws.rs.ClientErrorException 408 when a session's client did not answer in time
     */
    Map<String, JsonObject> ask(InputRequest... requests);

    /** Whether the agent's client declared what answering {@code request} needs (for a method with a fallback). */
    boolean canAsk(InputRequest request);
}
