package io.mcpee.audit;

import io.mcpee.persistence.McpeeDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes audit entries: into the transaction of the work they record, so that the work's changes and its entry
 * commit together or not at all, or alone.
 * <p>
 * An entry is one JDBC insert through the default data source, enlisted in the call's JTA transaction like the
 * application's own work. Not {@code EntityManager.persist}: a unit of work per call cost a tenth of MCP
 * throughput in {@code bench/run.sh}, for an entity that is never changed after it is written. The insert also
 * runs at once, so a refused entry ({@link AuditUnavailable}) is told apart from changes of the application that
 * fail only at commit ({@link CallNotCommitted}).
 */
@ApplicationScoped
class AuditStore {
    private static final Logger LOG = Logger.getLogger(AuditStore.class.getName());
    private static final String INSERT = "INSERT INTO %s (occurred_at, principal, credential_kind,"
            + " credential_id, credential_name, tool_name, target, arguments, outcome, status, error_message,"
            + " duration_ms, client_ip, session_id, request_id, client_name, client_version, channel, http_method,"
            + " path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    // Field injection: a resource cannot be a constructor parameter. The UserTransaction is the container's own
    // object, not CDI's built-in bean: that bean's proxy looks the transaction up in JNDI on every method call, three
    // of them per tool call (about 4 % of a tool call's CPU in bench/run.sh).
    @Resource
    private UserTransaction transaction;
    private final McpeeDatabase database;
    private final String insert;

    @Inject
    AuditStore(McpeeDatabase database) {
        this.database = database;
        this.insert = INSERT.formatted(database.table("audit_entry"));
    }

    /** For the CDI client proxy only. */
    protected AuditStore() {
        this.database = null;
        this.insert = null;
    }

    /** Opens the transaction an admin action runs in; the token service's transactional code joins it. */
    void begin() {
        try {
            transaction.begin();
        } catch (Exception e) {
            throw new AuditUnavailable("cannot begin a transaction", e);
        }
    }

    /**
     * Ends the call's transaction. While it can still commit, the entry is written into it and both commit
     * together; returns true. When the application's failure has marked it for rollback, it is rolled back and
     * false returned: the entry must then be written alone ({@link #writeAlone}).
     *
     * @throws AuditUnavailable the entry was refused; the call was rolled back
     * @throws CallNotCommitted the entry was written, but the commit failed (the application's deferred changes,
     *                          the database): everything was rolled back
     */
    boolean commitWith(AuditRecord record) {
        try {
            if (transaction.getStatus() != Status.STATUS_ACTIVE) {
                rollback();
                return false;
            }
        } catch (SystemException e) {
            rollback();
            throw new AuditUnavailable("the transaction's status is unknown; the call was rolled back", e);
        }
        try {
            insert(record);
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw new AuditUnavailable("the entry was refused; the call was rolled back", e);
        }
        try {
            transaction.commit();
            return true;
        } catch (Exception e) {
            rollback();
            throw new CallNotCommitted(e);
        }
    }

    /**
     * Writes the entry into this thread's transaction, to commit with it.
     *
     * @throws AuditUnavailable the entry was refused
     */
    void writeInto(AuditRecord record) {
        try {
            insert(record);
        } catch (SQLException | RuntimeException e) {
            throw new AuditUnavailable("the entry was refused", e);
        }
    }

    /** Writes the entry in a transaction of its own. */
    void writeAlone(AuditRecord record) {
        inTransaction(connection -> {
            insert(connection, record);
            return 1;
        }, "the entry was refused");
    }

    /** Writes the entries in one transaction of their own, as one JDBC batch: all of them, or none. */
    void writeAll(List<AuditRecord> records) {
        inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(this.insert)) {
                for (AuditRecord record : records) {
                    bind(insert, record);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return records.size();
        }, "the entries were refused");
    }

    /**
     * Runs {@code work} in a transaction of its own and commits it; anything that fails rolls it back.
     *
     * @throws AuditUnavailable what failed, as {@code failure} says
     */
    int inTransaction(Work work, String failure) {
        begin();
        try {
            int result;
            // the handle is closed before the commit: the transaction keeps the connection until it ends
            try (Connection connection = database.connection()) {
                result = work.run(connection);
            }
            transaction.commit();
            return result;
        } catch (Exception e) {
            rollback();
            throw new AuditUnavailable(failure, e);
        }
    }

    /** Work in a transaction, on a connection enlisted in it: a count of rows. */
    @FunctionalInterface
    interface Work {
        int run(Connection connection) throws Exception;
    }

    /** Rolls back this thread's transaction (a call's, or one of {@link #inTransaction}), if one is still open. */
    void rollback() {
        try {
            int status = transaction.getStatus();
            if (status != Status.STATUS_NO_TRANSACTION && status != Status.STATUS_COMMITTED
                    && status != Status.STATUS_ROLLEDBACK) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException e) {
            LOG.log(Level.WARNING, "mcp-ee: audit: rolling back failed", e);
        }
    }

    private void insert(AuditRecord record) throws SQLException {
        try (Connection connection = database.connection()) {
            insert(connection, record);
        }
    }

    private void insert(Connection connection, AuditRecord record) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(this.insert)) {
            bind(insert, record);
            insert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement insert, AuditRecord record) throws SQLException {
        AuditRecord.Actor actor = record.actor();
        AuditRecord.Act act = record.act();
        AuditRecord.Ending ending = record.ending();
        AuditRecord.Origin origin = record.origin();
        insert.setObject(1, record.occurredAt().atOffset(ZoneOffset.UTC));
        insert.setString(2, actor.principal());
        insert.setString(3, actor.credentialKind());
        text(insert, 4, actor.credentialId());
        text(insert, 5, actor.credentialName());
        insert.setString(6, act.name());
        text(insert, 7, act.target());
        insert.setString(8, act.arguments());
        insert.setString(9, ending.outcome().name());
        insert.setInt(10, ending.status());
        text(insert, 11, ending.errorMessage());
        insert.setLong(12, ending.durationMs());
        text(insert, 13, origin.clientIp());
        text(insert, 14, origin.sessionId());
        text(insert, 15, origin.requestId());
        text(insert, 16, origin.clientName());
        text(insert, 17, origin.clientVersion());
        insert.setString(18, act.channel().name());
        text(insert, 19, act.httpMethod());
        text(insert, 20, act.path());
    }

    private static void text(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** The call's entry was written, but its transaction did not commit; nothing of it took effect. */
    static final class CallNotCommitted extends RuntimeException {
        CallNotCommitted(Throwable cause) {
            super("the call's transaction did not commit", cause);
        }
    }
}
