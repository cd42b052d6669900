/** The library's database: its data source and schema from MP Config, Flyway migrations with their own history, and the circuit breaker that answers 503 while the database is down. */
package io.mcpee.persistence;
