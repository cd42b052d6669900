package io.mcpee.protocol;

/** JSON-RPC 2.0 error codes used by MCP. */
public enum ErrorCode {
    PARSE_ERROR(-32700),
    INVALID_REQUEST(-32600),
    METHOD_NOT_FOUND(-32601),
    INVALID_PARAMS(-32602),
    INTERNAL_ERROR(-32603),
    /**
     * Throttled: a server error of the implementation-defined range (-32000 to -32099), 429 in its last digits. Sent
     * with HTTP 429, a {@code Retry-After} header and {@code data.retryAfter} (seconds).
     */
    TOO_MANY_REQUESTS(-32029);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
