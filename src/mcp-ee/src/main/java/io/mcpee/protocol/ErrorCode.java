package io.mcpee.protocol;

/** JSON-RPC 2.0 error codes used by MCP. */
public enum ErrorCode {
    PARSE_ERROR(-32700),
    INVALID_REQUEST(-32600),
    METHOD_NOT_FOUND(-32601),
    INVALID_PARAMS(-32602),
    INTERNAL_ERROR(-32603),
    /** 2026-07-28: a required standard header is missing, or disagrees with the body (HTTP 400). */
    HEADER_MISMATCH(-32020),
    /** 2026-07-28: the request needs a client capability its {@code _meta} does not declare (HTTP 400). */
    MISSING_REQUIRED_CLIENT_CAPABILITY(-32021),
    /** 2026-07-28: the request's protocol version is not served; {@code data} names the supported ones (HTTP 400). */
    UNSUPPORTED_PROTOCOL_VERSION(-32022),
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
