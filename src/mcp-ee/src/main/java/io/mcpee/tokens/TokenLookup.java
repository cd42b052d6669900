package io.mcpee.tokens;

import io.mcpee.persistence.DatabaseHealth;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a token for authentication with two plain JDBC queries on one connection, never through JPA: no entity is
 * built, cached or locked on the path of every request, so nothing the admin API or the last-use writer does to
 * a token's entity can hold a request up (requests used to hang for good in EclipseLink's lock manager on the
 * cached entity of a busy token). Each statement may run at most {@code mcpee.database.timeout}.
 */
@ApplicationScoped
class TokenLookup {
    private static final String TOKEN = "SELECT id, secret_hash, name, owner_name, active, expires_at, rate_limit"
            + " FROM agent_token WHERE key_id = ?";
    private static final String PERMISSIONS = "SELECT permission FROM agent_token_permission WHERE token_id = ?"
            + " UNION SELECT gp.permission FROM agent_token_group tg"
            + " JOIN token_group_permission gp ON gp.group_id = tg.group_id WHERE tg.token_id = ?";

    private final DatabaseHealth database;
    // field injection: a resource cannot be a constructor parameter
    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    @Inject
    TokenLookup(DatabaseHealth database) {
        this.database = database;
    }

    /** For the CDI client proxy only. */
    protected TokenLookup() {
        this.database = null;
    }

    /** The token with this public key id, if there is one. */
    Optional<StoredToken> byKey(String keyId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long id;
            String hash;
            String name;
            String owner;
            boolean active;
            Timestamp expires;
            String rateLimit;
            try (PreparedStatement select = statement(connection, TOKEN)) {
                select.setString(1, keyId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    id = row.getLong(1);
                    hash = row.getString(2);
                    name = row.getString(3);
                    owner = row.getString(4);
                    active = row.getBoolean(5);
                    expires = row.getTimestamp(6);
                    rateLimit = row.getString(7);
                }
            }
            Set<String> permissions = new HashSet<>();
            try (PreparedStatement select = statement(connection, PERMISSIONS)) {
                select.setLong(1, id);
                select.setLong(2, id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        permissions.add(rows.getString(1));
                    }
                }
            }
            Instant expiresAt = expires == null ? null : expires.toInstant();
            return Optional.of(new StoredToken(id, keyId, hash, name, owner, active, expiresAt, rateLimit,
                    permissions));
        }
    }

    private PreparedStatement statement(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(database.queryTimeoutSeconds());
        return statement;
    }
}
