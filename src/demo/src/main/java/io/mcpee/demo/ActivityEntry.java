package io.mcpee.demo;

import java.time.Instant;

/** One recorded operation of the CRM. */
public record ActivityEntry(long sequence, Instant at, String user, String operation, String outcome) {
}
