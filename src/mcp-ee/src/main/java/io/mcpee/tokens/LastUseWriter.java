package io.mcpee.tokens;

import io.mcpee.persistence.DatabaseHealth;
import io.mcpee.persistence.McpeeDatabase;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a token's last use off the request thread: authentication never waits on this write. Plain JDBC, not a
 * JPA bulk update: it touches no entity, so it cannot hold up anything that reads or changes tokens.
 */
@Stateless
public class LastUseWriter {
    private static final Logger LOG = Logger.getLogger(LastUseWriter.class.getName());
    private static final String UPDATE = "UPDATE %s SET last_used_at = ? WHERE id = ?"
            + " AND (last_used_at IS NULL OR last_used_at < ?)";

    // field injection: the container makes a session bean with its no-argument constructor
    @Inject
    private McpeeDatabase tables;
    @Inject
    private DatabaseHealth database;

    @Asynchronous
    public void record(long tokenId, Instant usedAt) {
        OffsetDateTime at = usedAt.atOffset(ZoneOffset.UTC);
        try (Connection connection = tables.connection();
             PreparedStatement update = connection.prepareStatement(UPDATE.formatted(tables.table("agent_token")))) {
            update.setQueryTimeout(database.queryTimeoutSeconds());
            update.setObject(1, at);
            update.setLong(2, tokenId);
            update.setObject(3, at);
            update.executeUpdate();
        } catch (SQLException e) {
            // a last use not recorded is no reason to fail anything; an outage is logged by DatabaseHealth
            if (database.failed("last use of a token", e) == null) {
                LOG.log(Level.WARNING, "mcp-ee: the last use of token " + tokenId + " was not recorded", e);
            }
        }
    }
}
