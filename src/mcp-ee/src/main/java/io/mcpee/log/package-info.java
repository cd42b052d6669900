/** Logging of unexpected failures under a reference that the client is told instead of the details. */
package io.mcpee.log;
