package io.mcpee.results;

import io.mcpee.protocol.CallToolResult;
import io.mcpee.protocol.Content;
import jakarta.validation.ConstraintViolationException;

import static java.util.Objects.requireNonNull;

/**
 * What a tool call came to: the result the client gets and the HTTP status the same call over REST would have had.
 * The guards of the chain return it, so the audit guard outside them records the status and its {@link Outcome}
 * without reading the result's text. A call the throttle refused is one too ({@link #throttled}): it ran nothing,
 * and the endpoint answers it with a JSON-RPC error and HTTP 429 instead of a result.
 *
 * @param retryAfterSeconds for a throttled call, the whole seconds until the caller may retry; 0 otherwise
 */
public record ToolOutcome(int status, CallToolResult result, long retryAfterSeconds) {

    public ToolOutcome {
        requireNonNull(result, "result is null");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        if (retryAfterSeconds < 0 || retryAfterSeconds > 0 && status != 429) {
            throw new IllegalArgumentException("only a throttled call (429) has a retry-after: " + retryAfterSeconds);
        }
    }

    public ToolOutcome(int status, CallToolResult result) {
        this(status, result, 0);
    }

    /** Refused by mcp-ee's throttling before anything ran: 429, retry after at least a second. */
    public static ToolOutcome throttled(long retryAfterSeconds) {
        long seconds = Math.max(1, retryAfterSeconds);
        return new ToolOutcome(429, CallToolResult.error("Too many requests: retry after " + seconds + " s"),
                seconds);
    }

    /** Whether mcp-ee's throttling refused the call (an application's own 429 is an error like any other). */
    public boolean throttled() {
        return retryAfterSeconds > 0;
    }

    /** An {@code isError} result with this status and text. */
    public static ToolOutcome error(int status, String message) {
        return new ToolOutcome(status, CallToolResult.error(message));
    }

    /** Refused for lack of a right (403). */
    public static ToolOutcome denied(String message) {
        return error(403, message);
    }

    /**
     * Bean Validation refused the call's data: 400 naming each property and what it must be, never the value. Also
     * for violations found only when the call's transaction commits (JPA validates entities as it flushes them).
     */
    public static ToolOutcome violated(ConstraintViolationException violations) {
        return invalid("HTTP 400 Bad Request: " + FailureMapper.describe(violations));
    }

    /** Refused arguments (400). */
    public static ToolOutcome invalid(String message) {
        return error(400, message);
    }

    /**
     * One rule for every source of a status: 401/403 are denials, 400/422 refused arguments, any other status from
     * 400 up a failure, and below 400 success — unless the result says it is an error all the same.
     */
    public Outcome outcome() {
        if (throttled()) {
            return Outcome.THROTTLED;
        }
        Outcome byStatus = Outcome.of(status);
        return byStatus == Outcome.SUCCESS && result.isError() ? Outcome.ERROR : byStatus;
    }

    /** The error text the client got (already redacted), or null for a successful call. */
    public String errorMessage() {
        if (!result.isError()) {
            return null;
        }
        return result.content().stream().filter(Content.Text.class::isInstance).map(c -> ((Content.Text) c).text())
                .findFirst().orElse(null);
    }
}
