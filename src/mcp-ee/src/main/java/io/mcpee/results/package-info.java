/** What a resource method's return or exception becomes for the agent: the MCP tool result, with sensitive data redacted and failures mapped by the application's own exception mappers. */
package io.mcpee.results;
