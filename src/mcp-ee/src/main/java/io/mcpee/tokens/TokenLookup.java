package io.mcpee.tokens;

import io.mcpee.persistence.DatabaseHealth;
import io.mcpee.persistence.McpeeDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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
    private final DatabaseHealth health;
    private final McpeeDatabase database;
    private final String token;
    private final String grants;

    @Inject
    TokenLookup(DatabaseHealth health, McpeeDatabase database) {
        this.health = health;
        this.database = database;
        this.token = "SELECT id, secret_hash, name, owner_name, active, expires_at, rate_limit FROM "
                + database.table("agent_token") + " WHERE key_id = ?";
        this.grants = "SELECT permission FROM " + database.table("agent_token_permission")
                + " WHERE token_id = ? UNION SELECT gp.permission FROM " + database.table("agent_token_group")
                + " tg JOIN " + database.table("token_group_permission")
                + " gp ON gp.group_id = tg.group_id WHERE tg.token_id = ?";
    }

    /** For the CDI client proxy only. */
    protected TokenLookup() {
        this.health = null;
        this.database = null;
        this.token = null;
        this.grants = null;
    }

    /** The token with this public key id, if there is one. */
    Optional<StoredToken> byKey(String keyId) throws SQLException {
        try (Connection connection = database.connection()) {
            long id;
            String hash;
            String name;
            String owner;
            boolean active;
            OffsetDateTime expires;
            String rateLimit;
            try (PreparedStatement select = statement(connection, token)) {
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
                    expires = row.getObject(6, OffsetDateTime.class);
                    rateLimit = row.getString(7);
                }
            }
            Set<String> permissions = new HashSet<>();
            try (PreparedStatement select = statement(connection, grants)) {
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
        statement.setQueryTimeout(health.queryTimeoutSeconds());
        return statement;
    }
}
