/** The JAX-RS application of the administration API, mapped at {@code /mcp-ee/api}; its resources live in {@code tokens} and {@code audit}. */
package io.mcpee.admin;
