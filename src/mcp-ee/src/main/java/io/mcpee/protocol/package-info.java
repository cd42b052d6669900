/** MCP messages as values: JSON-RPC requests and responses, tools, results, content, protocol versions and errors. */
package io.mcpee.protocol;
