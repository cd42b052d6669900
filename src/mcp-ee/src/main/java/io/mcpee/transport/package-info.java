/** The Streamable HTTP endpoint at {@code /mcp}: sessions bound to their caller, origin checks, and dispatch of JSON-RPC messages. */
package io.mcpee.transport;
