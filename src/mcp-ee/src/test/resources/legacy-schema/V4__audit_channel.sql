-- Audit entries of every kind of agent action, not only tools/call: each row says through which channel it came
-- (MCP: a tools/call; ADMIN: a change to agent credentials through the admin API), and for HTTP actions the
-- method and path. Rows written before this migration were all tool calls.
ALTER TABLE audit_entry ADD COLUMN channel VARCHAR(16) DEFAULT 'MCP' NOT NULL;
ALTER TABLE audit_entry ADD COLUMN http_method VARCHAR(16);
ALTER TABLE audit_entry ADD COLUMN path VARCHAR(500);
