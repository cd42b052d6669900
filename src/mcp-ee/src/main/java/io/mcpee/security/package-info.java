/** Authentication of agents (agent tokens and MicroProfile JWT) beside the application's own mechanism, the paths that accept agent credentials, protected resource metadata, and authorization of tool calls. */
package io.mcpee.security;
