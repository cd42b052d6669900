package io.mcpee.transport;

/**
 * The client of one request, as the audit records it: the session it belongs to (older revisions only; null in
 * 2026-07-28, which has none) and the name and version it gave, in {@code initialize} or in the request's own
 * {@code _meta}.
 */
record Client(String sessionId, String name, String version) {
}
