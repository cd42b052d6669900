package io.mcpee.rest;

import io.mcpee.invocation.RestCall;
import io.mcpee.invocation.ToolCallChain;
import io.mcpee.protocol.CallToolResult;
import io.mcpee.protocol.Content;
import io.mcpee.results.Redactor;
import io.mcpee.results.ToolOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The REST door's passage through the guards: an agent's REST request runs in the same chain as a tool call
 * ({@link ToolCallChain}: audit, the call's transaction, throttling, authorization), and inside it the application
 * answers as it would anyone. Its outcome is the status the application answered with.
 */
@ApplicationScoped
class RestDoor {
    /** The longest part of an error answer's body the audit repeats. */
    private static final int MAX_ERROR_TEXT = 500;

    private final Redactor redactor;

    @Inject
    RestDoor(Redactor redactor) {
        this.redactor = redactor;
    }

    /** For the CDI client proxy only. */
    protected RestDoor() {
        this.redactor = null;
    }

    @ToolCallChain
    ToolOutcome pass(RestCall call, RestExchange exchange) {
        exchange.proceed();
        int status = exchange.answer().getStatus();
        if (status < 400) {
            return new ToolOutcome(status, new CallToolResult(List.of(new Content.Text("HTTP " + status)), null,
                    false));
        }
        return ToolOutcome.error(status, redactor.scrub(describe(status, exchange.answer()), call.toolName(),
                call.arguments()));
    }

    /** "HTTP 404 Not Found: Customer 7 not found", from the status and the start of a text or JSON answer. */
    private static String describe(int status, BufferedResponse answer) {
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        Response.Status known = Response.Status.fromStatusCode(status);
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (known != null) {
            text.append(' ').append(known.getReasonPhrase());
        } else if (family == Response.Status.Family.SERVER_ERROR) {
            text.append(" Server Error");
        }
        String type = answer.getContentType();
        byte[] body = answer.body();
        if (body.length > 0 && type != null && (type.startsWith("text/") || type.contains("json"))) {
            String start = new String(body, 0, Math.min(body.length, MAX_ERROR_TEXT * 4), answer.charset())
                    .strip();
            if (!start.isEmpty()) {
                text.append(": ").append(start.length() > MAX_ERROR_TEXT ? start.substring(0, MAX_ERROR_TEXT)
                        + "..." : start);
            }
        }
        return text.toString();
    }
}
