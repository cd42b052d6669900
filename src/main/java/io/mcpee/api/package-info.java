/**
 * What an application developer touches: annotations that shape how JAX-RS resource methods become MCP tools.
 * Everything else in mcp-ee is internal.
 */
package io.mcpee.api;
