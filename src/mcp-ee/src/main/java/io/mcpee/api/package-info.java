/**
 * What an application developer touches: annotations that shape how JAX-RS resource methods become MCP tools
 * ({@link io.mcpee.api.McpTool}, {@link io.mcpee.api.McpIgnore}) and how their data is protected
 * ({@link io.mcpee.api.Sensitive}, {@link io.mcpee.api.ReadOnly}). Everything else in mcp-ee is internal.
 */
package io.mcpee.api;
