package io.mcpee.tokens;

import io.mcpee.persistence.DatabaseHealth;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
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
    private static final String UPDATE = "UPDATE agent_token SET last_used_at = ? WHERE id = ?"
            + " AND (last_used_at IS NULL OR last_used_at < ?)";

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;
    @Inject
    private DatabaseHealth database;

    @Asynchronous
    public void record(long tokenId, Instant usedAt) {
        Timestamp at = Timestamp.from(usedAt);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setQueryTimeout(database.queryTimeoutSeconds());
            update.setTimestamp(1, at);
            update.setLong(2, tokenId);
            update.setTimestamp(3, at);
            update.executeUpdate();
        } catch (SQLException e) {
            // a last use not recorded is no reason to fail anything; an outage is logged by DatabaseHealth
            if (database.failed("last use of a token", e) == null) {
                LOG.log(Level.WARNING, "mcp-ee: the last use of token " + tokenId + " was not recorded", e);
            }
        }
    }
}
