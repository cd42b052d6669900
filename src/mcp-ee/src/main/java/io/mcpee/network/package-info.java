/**
 * Who a request came from: the client address, through the proxies the deployment trusts; and which browser origins
 * may read the MCP endpoint's answers (CORS).
 */
package io.mcpee.network;
