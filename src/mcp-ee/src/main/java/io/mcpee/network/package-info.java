/** Who a request came from: the client address, through the proxies the deployment trusts. */
package io.mcpee.network;
