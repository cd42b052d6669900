package io.mcpee.audit;

import io.mcpee.persistence.DatabaseHealth;
import io.mcpee.persistence.DatabaseUnavailable;
import io.mcpee.persistence.McpeeDatabase;
import io.mcpee.results.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the audit log (the audit API), and its housekeeping writes (purge, unauthenticated tallies), with plain
 * JDBC on mcp-ee's tables. Every condition is a bound parameter; only this class's constant SQL is concatenated.
 */
@ApplicationScoped
class AuditQueries {
    private static final String COLUMNS = "id, occurred_at, principal, credential_kind, credential_id,"
            + " credential_name, channel, tool_name, target, http_method, path, arguments, outcome, status,"
            + " error_message, duration_ms, client_ip, session_id, request_id, client_name, client_version";

    private final AuditStore store;
    private final McpeeDatabase database;
    private final DatabaseHealth health;
    private final String entries;
    private final String tallies;

    @Inject
    AuditQueries(AuditStore store, McpeeDatabase database, DatabaseHealth health) {
        this.store = store;
        this.database = database;
        this.health = health;
        this.entries = database.table("audit_entry");
        this.tallies = database.table("audit_unauthenticated");
    }

    /** For the CDI client proxy only. */
    protected AuditQueries() {
        this.store = null;
        this.database = null;
        this.health = null;
        this.entries = null;
        this.tallies = null;
    }

    /** One page of entries, newest first, and the cursor of the next page (null on the last). */
    Page search(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM " + entries + " WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.user() != null) {
            sql.append(" AND principal = ?");
            parameters.add(query.user());
        }
        if (query.credentialId() != null) {
            sql.append(" AND credential_id = ?");
            parameters.add(query.credentialId());
        }
        if (query.tool() != null) {
            sql.append(" AND tool_name = ?");
            parameters.add(query.tool());
        }
        if (!query.outcomes().isEmpty()) {
            sql.append(" AND outcome IN (").append(String.join(", ",
                    java.util.Collections.nCopies(query.outcomes().size(), "?"))).append(')');
            query.outcomes().forEach(outcome -> parameters.add(outcome.name()));
        }
        if (query.from() != null) {
            sql.append(" AND occurred_at >= ?");
            parameters.add(utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < ?");
            parameters.add(utc(query.to()));
        }
        if (query.before() != null) {
            sql.append(" AND (occurred_at < ? OR (occurred_at = ? AND id < ?))");
            parameters.add(utc(query.before().occurredAt()));
            parameters.add(utc(query.before().occurredAt()));
            parameters.add(query.before().id());
        }
        // one more than asked tells whether another page follows
        sql.append(" ORDER BY occurred_at DESC, id DESC FETCH FIRST ").append(query.limit() + 1).append(" ROWS ONLY");
        List<AuditRecord> found = read(sql.toString(), parameters);
        if (found.size() <= query.limit()) {
            return new Page(found, null);
        }
        List<AuditRecord> page = found.subList(0, query.limit());
        AuditRecord last = page.get(page.size() - 1);
        return new Page(page, new AuditQuery.Position(last.occurredAt(), last.id()).encode());
    }

    record Page(List<AuditRecord> entries, String next) {
    }

    /** The unauthenticated-request counts of the periods that began in [from, to), newest first. */
    List<UnauthenticatedTally> unauthenticated(Instant from, Instant to, int limit) {
        try (Connection connection = database.connection();
             PreparedStatement select = connection.prepareStatement("SELECT period_start, period_end, client_ip,"
                     + " requests FROM " + tallies + " WHERE period_start >= ? AND period_start < ?"
                     + " ORDER BY period_start DESC, requests DESC FETCH FIRST " + limit + " ROWS ONLY")) {
            select.setObject(1, utc(from));
            select.setObject(2, utc(to));
            List<UnauthenticatedTally> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new UnauthenticatedTally(instant(row, 1), instant(row, 2), row.getString(3),
                            row.getLong(4)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw unreadable("the counts of unauthenticated requests could not be read", e);
        }
    }

    /** Deletes at most {@code size} entries older than {@code cutoff}, oldest first, in one transaction. */
    int purgeEntries(Instant cutoff, int size) {
        return purgeBatch(entries, "occurred_at", cutoff, size);
    }

    /** Deletes at most {@code size} counts of unauthenticated requests whose period ended before {@code cutoff}. */
    int purgeTallies(Instant cutoff, int size) {
        return purgeBatch(tallies, "period_end", cutoff, size);
    }

    // table and time are constants of this class, never input: the SQL is not built from anything a caller sends
    private int purgeBatch(String table, String time, Instant cutoff, int size) {
        return store.inTransaction(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM " + table + " WHERE " + time
                    + " < ? ORDER BY " + time + ", id FETCH FIRST " + size + " ROWS ONLY")) {
                select.setObject(1, utc(cutoff));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id IN ("
                    + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")")) {
                for (int i = 0; i < ids.size(); i++) {
                    delete.setLong(i + 1, ids.get(i));
                }
                return delete.executeUpdate();
            }
        }, "audit maintenance failed");
    }

    void writeTally(UnauthenticatedRequests.Drained drained) {
        store.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tallies + " (period_start,"
                    + " period_end, client_ip, requests) VALUES (?, ?, ?, ?)")) {
                for (UnauthenticatedRequests.Count count : drained.counts()) {
                    insert.setObject(1, utc(drained.start()));
                    insert.setObject(2, utc(drained.end()));
                    insert.setString(3, AuditRecords.fit(count.clientIp(), 64));
                    insert.setLong(4, count.requests());
                    insert.executeUpdate();
                }
            }
            return drained.counts().size();
        }, "audit maintenance failed");
    }

    private List<AuditRecord> read(String sql, List<Object> parameters) {
        try (Connection connection = database.connection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<AuditRecord> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(record(row));
                }
            }
            return found;
        } catch (SQLException e) {
            throw unreadable("the audit log could not be read", e);
        }
    }

    /** A read that failed: a 503 for the reader if the database cannot be reached, else a defect to log. */
    private RuntimeException unreadable(String what, SQLException e) {
        DatabaseUnavailable unavailable = health.failed("audit log read", e);
        return unavailable != null ? unavailable : new AuditUnavailable(what, e);
    }

    private static AuditRecord record(ResultSet row) throws SQLException {
        return new AuditRecord(row.getLong("id"), instant(row, 2),
                new AuditRecord.Actor(row.getString("principal"), row.getString("credential_kind"),
                        row.getString("credential_id"), row.getString("credential_name")),
                new AuditRecord.Act(Channel.valueOf(row.getString("channel")), row.getString("tool_name"),
                        row.getString("target"), row.getString("arguments"), row.getString("http_method"),
                        row.getString("path")),
                new AuditRecord.Ending(Outcome.valueOf(row.getString("outcome")), row.getInt("status"),
                        row.getString("error_message"), row.getLong("duration_ms")),
                new AuditRecord.Origin(row.getString("client_ip"), row.getString("session_id"),
                        row.getString("request_id"), row.getString("client_name"), row.getString("client_version")));
    }

    private static Instant instant(ResultSet row, int index) throws SQLException {
        return row.getObject(index, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
