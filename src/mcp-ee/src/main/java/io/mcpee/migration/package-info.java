/** Flyway Java migrations of the library's own tables (the SQL ones are resources under {@code io/mcpee/migration}). */
package io.mcpee.migration;
