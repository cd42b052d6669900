/**
 * The audit log: one entry per agent action, written in the call's own transaction and failing the call when it
 * cannot be written ({@link io.mcpee.audit.AuditGuard}); administrators' actions ({@link io.mcpee.audit.AdminAudit});
 * refused, unauthenticated requests counted per address; the query API and retention.
 */
package io.mcpee.audit;
