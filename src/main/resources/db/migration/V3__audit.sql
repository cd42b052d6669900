-- The audit log: one row per tools/call, whatever its outcome; arguments are stored only after redaction.
-- Times are UTC instants with milliseconds (TIMESTAMP WITH TIME ZONE: independent of the server's time zone).
-- START WITH 50: JPA providers read a value as the top of a block of 50 (1..50 first)
CREATE SEQUENCE audit_entry_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_entry (
    id              BIGINT                      NOT NULL PRIMARY KEY,
    occurred_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    principal       VARCHAR(200)                NOT NULL,
    credential_kind VARCHAR(16)                 NOT NULL,
    credential_id   VARCHAR(200),
    credential_name VARCHAR(200),
    tool_name       VARCHAR(128)                NOT NULL,
    target          VARCHAR(500),
    arguments       TEXT                        NOT NULL,
    outcome         VARCHAR(16)                 NOT NULL,
    status          INTEGER                     NOT NULL,
    error_message   VARCHAR(1000),
    duration_ms     BIGINT                      NOT NULL,
    client_ip       VARCHAR(64),
    session_id      VARCHAR(64),
    request_id      VARCHAR(200),
    client_name     VARCHAR(200),
    client_version  VARCHAR(100)
);
-- the audit API's queries: newest first, optionally for one user, credential, tool or outcome; the purge by age
CREATE INDEX audit_entry_time_idx ON audit_entry (occurred_at, id);
CREATE INDEX audit_entry_principal_idx ON audit_entry (principal, occurred_at);
CREATE INDEX audit_entry_credential_idx ON audit_entry (credential_id, occurred_at);
CREATE INDEX audit_entry_tool_idx ON audit_entry (tool_name, occurred_at);
CREATE INDEX audit_entry_outcome_idx ON audit_entry (outcome, occurred_at);

-- Requests to /mcp refused for want of valid credentials are counted, not recorded one by one: a flood cannot fill
-- the table. One row per client address and period (at most mcpee.audit.unauthenticated.max-addresses per period;
-- the rest are summed under the address '*').
CREATE SEQUENCE audit_unauthenticated_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE audit_unauthenticated (
    id           BIGINT                      NOT NULL PRIMARY KEY,
    period_start TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    period_end   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    client_ip    VARCHAR(64)                 NOT NULL,
    requests     BIGINT                      NOT NULL
);
CREATE INDEX audit_unauthenticated_time_idx ON audit_unauthenticated (period_start);
