/** Discovery: the CDI extension that finds JAX-RS resource methods and makes the catalog of tools, with their names, access rules and filters. */
package io.mcpee.tools;
