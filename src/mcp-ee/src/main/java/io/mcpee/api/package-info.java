/**
 * mcp-ee's public API, what an application developer touches; everything else in mcp-ee is internal.
 * <ul>
 *   <li>How JAX-RS resource methods become MCP tools: {@link io.mcpee.api.McpTool}, {@link io.mcpee.api.McpIgnore},
 *       and how their data is protected: {@link io.mcpee.api.Sensitive}, {@link io.mcpee.api.ReadOnly}.</li>
 *   <li>Who is calling: {@link io.mcpee.api.AuthenticatedCaller} (the user an agent acts for, the credential, its
 *       grants and a JWT's claims) and {@link io.mcpee.api.CallerKind}.</li>
 *   <li>The extension point for throttling state: {@link io.mcpee.api.RateLimiter}, with {@link io.mcpee.api.Rate}.
 *       An application's own implementation, an {@code @ApplicationScoped} bean declared {@code @Alternative} with a
 *       {@code @Priority}, replaces the in-memory one (to share the limits of a cluster, say).</li>
 * </ul>
 */
package io.mcpee.api;
