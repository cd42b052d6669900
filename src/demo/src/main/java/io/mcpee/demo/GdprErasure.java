package io.mcpee.demo;

import java.time.Instant;

/** The receipt of a GDPR erasure: which customer's data was erased, when, by whom. */
public record GdprErasure(long customerId, Instant erasedAt, String erasedBy) {
}
