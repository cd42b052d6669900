package io.mcpee.results;

/**
 * How a tool call ended, as the audit log records it. The status a REST caller would have got decides it
 * ({@link ToolOutcome#outcome()}); {@code THROTTLED} calls never reach the resource.
 */
public enum Outcome {
    /** The resource answered with a status below 400. */
    SUCCESS,
    /** Refused for lack of a right: the authorization guard, or the application's own 401/403. */
    DENIED,
    /** The arguments were refused: schema, conversion, Bean Validation, or the application's 400/422. */
    INVALID,
    /** Anything else that failed: the resource's 404, 409, 500, a timeout, an unavailable audit log. */
    ERROR,
    /** Refused by the throttling guard before anything ran (HTTP 429). */
    THROTTLED,
    /**
     * The agent cancelled the call while it ran ({@code notifications/cancelled}, or it closed the call's event
     * stream); the entry's status says how the method ended (it may have finished its work regardless).
     */
    CANCELLED,
    /**
     * The method asked the agent's client for input and ended to wait for it ({@code input_required}, rolled back);
     * the client calls again with the answers, a call of its own.
     */
    INPUT_REQUIRED;

    /**
     * One rule for every source of a status: 401/403 are denials, 400/422 refused arguments, any other status from
     * 400 up a failure (an application's own 429 too: {@code THROTTLED} is mcp-ee's throttling only), and below
     * 400 success.
     */
    public static Outcome of(int status) {
        return switch (status) {
            case 401, 403 -> DENIED;
            case 400, 422 -> INVALID;
            default -> status >= 400 ? ERROR : SUCCESS;
        };
    }
}
