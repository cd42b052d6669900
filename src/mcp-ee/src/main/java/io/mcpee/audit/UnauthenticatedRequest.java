package io.mcpee.audit;

/**
 * A CDI event: a request to {@code /mcp} was refused for want of a valid credential. The audit counts these per
 * client address instead of recording each.
 */
public record UnauthenticatedRequest(String clientAddress) {
}
