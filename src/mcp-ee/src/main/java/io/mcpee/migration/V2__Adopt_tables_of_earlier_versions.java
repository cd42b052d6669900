package io.mcpee.migration;

import io.mcpee.persistence.SchemaMigrations;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Takes over the tables that mcp-ee kept, before it was a library, in the application's schema under plain names
 * ({@code agent_token}, {@code audit_entry}, ...; the demo's migrations V2–V4): their rows are copied into mcp-ee's own
 * tables, ids kept, and the old tables and sequences dropped. Nothing happens on a database that never had them.
 * The token times of those tables were {@code TIMESTAMP} values written in the server's time zone: they are read
 * the same way and stored as the instants they were.
 */
public class V2__Adopt_tables_of_earlier_versions extends BaseJavaMigration {
    private static final Logger LOG = Logger.getLogger(V2__Adopt_tables_of_earlier_versions.class.getName());
    private static final List<String> OLD_TABLES = List.of("agent_token_group", "agent_token_permission",
            "agent_token", "token_group_permission", "token_group", "audit_entry", "audit_unauthenticated");
    private static final List<String> OLD_SEQUENCES = List.of("agent_token_seq", "token_group_seq",
            "audit_unauthenticated_seq");

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String schema = context.getConfiguration().getPlaceholders()
                .getOrDefault(SchemaMigrations.APPLICATION_SCHEMA, "");
        DatabaseMetaData metadata = connection.getMetaData();
        if (!exists(metadata, schema, "agent_token")) {
            return;
        }
        String old = schema.isEmpty() ? "" : "\"" + schema.replace("\"", "\"\"") + "\".";
        try (Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO mcpee_token_group (id, name) SELECT id, name FROM " + old + "token_group");
            sql.executeUpdate("INSERT INTO mcpee_token_group_permission (group_id, permission)"
                    + " SELECT group_id, permission FROM " + old + "token_group_permission");
            int tokens = copyTokens(connection, old);
            sql.executeUpdate("INSERT INTO mcpee_agent_token_permission (token_id, permission)"
                    + " SELECT token_id, permission FROM " + old + "agent_token_permission");
            sql.executeUpdate("INSERT INTO mcpee_agent_token_group (token_id, group_id)"
                    + " SELECT token_id, group_id FROM " + old + "agent_token_group");
            int entries = 0;
            if (exists(metadata, schema, "audit_entry")) {
                // before V4 every entry was a tool call, without channel, method or path
                String channel = hasColumn(metadata, schema, "audit_entry", "channel")
                        ? "channel, http_method, path" : "'MCP', NULL, NULL";
                entries = sql.executeUpdate("INSERT INTO mcpee_audit_entry (id, occurred_at, principal,"
                        + " credential_kind, credential_id, credential_name, channel, http_method, path, tool_name,"
                        + " target, arguments, outcome, status, error_message, duration_ms, client_ip, session_id,"
                        + " request_id, client_name, client_version) SELECT id, occurred_at, principal,"
                        + " credential_kind, credential_id, credential_name, " + channel + ", tool_name, target,"
                        + " arguments, outcome, status, error_message, duration_ms, client_ip, session_id,"
                        + " request_id, client_name, client_version FROM " + old + "audit_entry");
                sql.executeUpdate("INSERT INTO mcpee_audit_unauthenticated (id, period_start, period_end,"
                        + " client_ip, requests) SELECT id, period_start, period_end, client_ip, requests FROM "
                        + old + "audit_unauthenticated");
            }
            for (String table : List.of("mcpee_token_group", "mcpee_agent_token", "mcpee_audit_entry",
                    "mcpee_audit_unauthenticated")) {
                restartIdentity(connection, table);
            }
            for (String table : OLD_TABLES) {
                sql.executeUpdate("DROP TABLE IF EXISTS " + old + table);
            }
            for (String sequence : OLD_SEQUENCES) {
                sql.executeUpdate("DROP SEQUENCE IF EXISTS " + old + sequence);
            }
            LOG.info("mcp-ee: took over " + tokens + " agent tokens and " + entries
                    + " audit entries from the tables of an earlier version");
        }
    }

    private static int copyTokens(Connection connection, String old) throws SQLException {
        int copied = 0;
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, key_id, secret_hash, name, owner_name, active,"
                     + " created_at, expires_at, last_used_at, rate_limit FROM " + old + "agent_token");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO mcpee_agent_token (id, key_id,"
                     + " secret_hash, name, owner_name, active, created_at, expires_at, last_used_at, rate_limit)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            while (rows.next()) {
                insert.setLong(1, rows.getLong(1));
                insert.setString(2, rows.getString(2));
                insert.setString(3, rows.getString(3));
                insert.setString(4, rows.getString(4));
                insert.setString(5, rows.getString(5));
                insert.setBoolean(6, rows.getBoolean(6));
                insert.setObject(7, utc(rows.getTimestamp(7)));
                insert.setObject(8, utc(rows.getTimestamp(8)));
                insert.setObject(9, utc(rows.getTimestamp(9)));
                insert.setString(10, rows.getString(10));
                insert.executeUpdate();
                copied++;
            }
        }
        return copied;
    }

    private static Object utc(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }

    /** Rows copied with their ids: new rows must be numbered after them. */
    private static void restartIdentity(Connection connection, String table) throws SQLException {
        long next;
        try (Statement sql = connection.createStatement();
             ResultSet max = sql.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            max.next();
            next = max.getLong(1);
        }
        try (Statement sql = connection.createStatement()) {
            sql.executeUpdate("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
        }
    }

    private static boolean exists(DatabaseMetaData metadata, String schema, String table) throws SQLException {
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet found = metadata.getTables(null, schema.isEmpty() ? null : schema, name,
                    new String[]{"TABLE"})) {
                if (found.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasColumn(DatabaseMetaData metadata, String schema, String table, String column)
            throws SQLException {
        for (boolean upper : new boolean[]{false, true}) {
            try (ResultSet found = metadata.getColumns(null, schema.isEmpty() ? null : schema,
                    upper ? table.toUpperCase(Locale.ROOT) : table,
                    upper ? column.toUpperCase(Locale.ROOT) : column)) {
                if (found.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
