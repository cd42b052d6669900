package io.mcpee.tokens;

import io.mcpee.persistence.DatabaseHealth;
import io.mcpee.persistence.DatabaseUnavailable;
import io.mcpee.persistence.McpeeDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Agent tokens and token groups in mcp-ee's tables, with plain JDBC: the admin API's reads and writes, in the
 * transaction the caller is in (a JTA data source enlists the connection). No JPA: nothing of it is cached or
 * locked, and the library needs no persistence unit of the application's.
 */
@ApplicationScoped
class TokenStore {
    private final McpeeDatabase database;
    private final String tokens;
    private final String tokenPermissions;
    private final String tokenGroups;
    private final String groups;
    private final String groupPermissions;

    private final Event<TokensChanged> changes;
    private final DatabaseHealth health;

    @Inject
    TokenStore(McpeeDatabase database, Event<TokensChanged> changes, DatabaseHealth health) {
        this.database = database;
        this.changes = changes;
        this.health = health;
        this.tokens = database.table("agent_token");
        this.tokenPermissions = database.table("agent_token_permission");
        this.tokenGroups = database.table("agent_token_group");
        this.groups = database.table("token_group");
        this.groupPermissions = database.table("token_group_permission");
    }

    /** For the CDI client proxy only. */
    protected TokenStore() {
        this.database = null;
        this.changes = null;
        this.health = null;
        this.tokens = null;
        this.tokenPermissions = null;
        this.tokenGroups = null;
        this.groups = null;
        this.groupPermissions = null;
    }

    /** A failure of the database, for the caller to report: a statement of the store cannot be recovered from. */
    static final class StoreFailure extends RuntimeException {
        StoreFailure(SQLException cause) {
            super("mcp-ee's token tables could not be read or written", cause);
        }
    }

    // ---- tokens ----------------------------------------------------------------------------------------------

    AgentToken insert(String keyId, String secretHash, String name, String owner, boolean active, Instant createdAt,
                      Instant expiresAt, String rateLimit, Set<String> permissions, Set<TokenGroup> groupsOfIt) {
        return run(connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tokens + " (key_id,"
                    + " secret_hash, name, owner_name, active, created_at, expires_at, rate_limit)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, keyId);
                insert.setString(2, secretHash);
                insert.setString(3, name);
                insert.setString(4, owner);
                insert.setBoolean(5, active);
                insert.setObject(6, utc(createdAt));
                instant(insert, 7, expiresAt);
                text(insert, 8, rateLimit);
                insert.executeUpdate();
                id = generatedId(insert);
            }
            writeGrants(connection, id, permissions, groupsOfIt);
            return find(connection, id).orElseThrow();
        });
    }

    Optional<AgentToken> find(long id) {
        return run(connection -> find(connection, id));
    }

    /** The id of the token with this public key id. */
    Optional<Long> idOfKey(String keyId) {
        return run(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM " + tokens
                    + " WHERE key_id = ?")) {
                select.setString(1, keyId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /** Every token, or those of {@code owner}, by id. */
    List<AgentToken> list(String owner) {
        return select(owner == null ? "" : " WHERE t.owner_name = ?", owner == null ? List.of() : List.of(owner));
    }

    /** Tokens not used since {@code before} (never used ones: made before it), of {@code owner} or all. */
    List<AgentToken> unusedSince(Instant before, String owner) {
        List<Object> parameters = new ArrayList<>(List.of(utc(before), utc(before)));
        String where = " WHERE ((t.last_used_at IS NULL AND t.created_at < ?) OR t.last_used_at < ?)";
        if (owner != null) {
            where += " AND t.owner_name = ?";
            parameters.add(owner);
        }
        return select(where, parameters);
    }

    /** Whether any active, unexpired token holds this permission directly. */
    boolean anyActiveHolding(String permission, Instant now) {
        return run(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + tokens + " t JOIN "
                    + tokenPermissions + " p ON p.token_id = t.id WHERE t.active = TRUE AND p.permission = ?"
                    + " AND (t.expires_at IS NULL OR t.expires_at > ?)")) {
                select.setString(1, permission);
                select.setObject(2, utc(now));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1) > 0;
                }
            }
        });
    }

    /** Writes a token's changeable fields and grants as the value has them. */
    AgentToken update(AgentToken token) {
        changes.fire(TokensChanged.of(token.id()));
        return run(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + tokens + " SET name = ?,"
                    + " active = ?, expires_at = ?, rate_limit = ? WHERE id = ?")) {
                update.setString(1, token.name());
                update.setBoolean(2, token.active());
                instant(update, 3, token.expiresAt());
                text(update, 4, token.rateLimit());
                update.setLong(5, token.id());
                update.executeUpdate();
            }
            deleteGrants(connection, token.id());
            writeGrants(connection, token.id(), token.permissions(), token.groups());
            return find(connection, token.id()).orElseThrow();
        });
    }

    /** A new key and secret: the old ones stop working at once. */
    AgentToken replaceSecret(long id, String keyId, String secretHash) {
        changes.fire(TokensChanged.of(id));
        return run(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + tokens + " SET key_id = ?,"
                    + " secret_hash = ? WHERE id = ?")) {
                update.setString(1, keyId);
                update.setString(2, secretHash);
                update.setLong(3, id);
                update.executeUpdate();
            }
            return find(connection, id).orElseThrow();
        });
    }

    /** Makes the token active, unexpiring, with this key and secret (the bootstrap admin token). */
    void restore(long id, String keyId, String secretHash) {
        changes.fire(TokensChanged.of(id));
        run(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + tokens + " SET key_id = ?,"
                    + " secret_hash = ?, active = TRUE, expires_at = NULL WHERE id = ?")) {
                update.setString(1, keyId);
                update.setString(2, secretHash);
                update.setLong(3, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    void delete(long id) {
        changes.fire(TokensChanged.of(id));
        run(connection -> {
            // the grants first: ON DELETE CASCADE is there, but a statement each keeps it portable and plain
            deleteGrants(connection, id);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + tokens + " WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            return null;
        });
    }

    // ---- groups ----------------------------------------------------------------------------------------------

    List<TokenGroup> groups() {
        return run(connection -> readGroups(connection, "", List.of()));
    }

    List<TokenGroup> groupsNamed(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(names.size(), "?"));
        return run(connection -> readGroups(connection, " WHERE g.name IN (" + marks + ")", List.copyOf(names)));
    }

    Optional<TokenGroup> group(long id) {
        return run(connection -> readGroups(connection, " WHERE g.id = ?", List.of(id)).stream().findFirst());
    }

    /**
     * A new group.
     *
     * @throws SQLException SQL state class 23 when the name is taken (two admins at once)
     */
    TokenGroup insertGroup(String name, Set<String> permissions) throws SQLException {
        try (Connection connection = database.connection()) {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + groups + " (name)"
                    + " VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, name);
                insert.executeUpdate();
                id = generatedId(insert);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + groupPermissions
                    + " (group_id, permission) VALUES (?, ?)")) {
                for (String permission : permissions) {
                    insert.setLong(1, id);
                    insert.setString(2, permission);
                    insert.addBatch();
                }
                if (!permissions.isEmpty()) {
                    insert.executeBatch();
                }
            }
            return new TokenGroup(id, name, permissions);
        }
    }

    /** Deletes the group, and takes it from every token that has it. */
    void deleteGroup(long id) {
        changes.fire(TokensChanged.SEVERAL);
        run(connection -> {
            for (String sql : List.of("DELETE FROM " + tokenGroups + " WHERE group_id = ?",
                    "DELETE FROM " + groupPermissions + " WHERE group_id = ?",
                    "DELETE FROM " + groups + " WHERE id = ?")) {
                try (PreparedStatement delete = connection.prepareStatement(sql)) {
                    delete.setLong(1, id);
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private Optional<AgentToken> find(Connection connection, long id) throws SQLException {
        return read(connection, " WHERE t.id = ?", List.of(id)).stream().findFirst();
    }

    private List<AgentToken> select(String where, List<Object> parameters) {
        return run(connection -> read(connection, where, parameters));
    }

    /** Tokens with their permissions and groups: three statements, however many tokens. */
    private List<AgentToken> read(Connection connection, String where, List<Object> parameters)
            throws SQLException {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT t.id, t.key_id, t.name, t.owner_name,"
                + " t.active, t.created_at, t.expires_at, t.last_used_at, t.rate_limit FROM " + tokens + " t"
                + where + " ORDER BY t.id")) {
            bind(select, parameters);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getLong(1), new Object[]{row.getString(2), row.getString(3), row.getString(4),
                        row.getBoolean(5), instant(row, 6), instant(row, 7), instant(row, 8), row.getString(9)});
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<String>> permissions = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT p.token_id, p.permission FROM "
                + tokenPermissions + " p JOIN " + tokens + " t ON t.id = p.token_id" + where)) {
            bind(select, parameters);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    permissions.computeIfAbsent(row.getLong(1), k -> new HashSet<>()).add(row.getString(2));
                }
            }
        }
        Map<Long, TokenGroup> allGroups = new HashMap<>();
        readGroups(connection, "", List.of()).forEach(g -> allGroups.put(g.id(), g));
        Map<Long, Set<TokenGroup>> groupsOf = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT tg.token_id, tg.group_id FROM "
                + tokenGroups + " tg JOIN " + tokens + " t ON t.id = tg.token_id" + where)) {
            bind(select, parameters);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    TokenGroup group = allGroups.get(row.getLong(2));
                    if (group != null) {
                        groupsOf.computeIfAbsent(row.getLong(1), k -> new HashSet<>()).add(group);
                    }
                }
            }
        }
        List<AgentToken> found = new ArrayList<>(rows.size());
        rows.forEach((id, v) -> found.add(new AgentToken(id, (String) v[0], (String) v[1], (String) v[2],
                (Boolean) v[3], (Instant) v[4], (Instant) v[5], (Instant) v[6], (String) v[7],
                permissions.getOrDefault(id, Set.of()), groupsOf.getOrDefault(id, Set.of()))));
        return found;
    }

    private List<TokenGroup> readGroups(Connection connection, String where, List<Object> parameters)
            throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT g.id, g.name FROM " + groups + " g"
                + where + " ORDER BY g.name")) {
            bind(select, parameters);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    names.put(row.getLong(1), row.getString(2));
                }
            }
        }
        Map<Long, Set<String>> permissions = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT gp.group_id, gp.permission FROM "
                + groupPermissions + " gp JOIN " + groups + " g ON g.id = gp.group_id" + where)) {
            bind(select, parameters);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    permissions.computeIfAbsent(row.getLong(1), k -> new HashSet<>()).add(row.getString(2));
                }
            }
        }
        List<TokenGroup> found = new ArrayList<>();
        names.forEach((id, name) -> found.add(new TokenGroup(id, name, permissions.getOrDefault(id, Set.of()))));
        return found;
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    private void writeGrants(Connection connection, long id, Set<String> permissions, Set<TokenGroup> groupsOfIt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tokenPermissions
                + " (token_id, permission) VALUES (?, ?)")) {
            for (String permission : permissions) {
                insert.setLong(1, id);
                insert.setString(2, permission);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tokenGroups
                + " (token_id, group_id) VALUES (?, ?)")) {
            for (TokenGroup group : groupsOfIt) {
                insert.setLong(1, id);
                insert.setLong(2, group.id());
                insert.executeUpdate();
            }
        }
    }

    private void deleteGrants(Connection connection, long id) throws SQLException {
        for (String table : List.of(tokenPermissions, tokenGroups)) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE token_id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
    }

    // ---- JDBC ------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try (Connection connection = database.connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** What a failed statement is to the caller: a 503 if the database cannot be reached, else a defect. */
    RuntimeException failure(SQLException e) {
        DatabaseUnavailable unavailable = health.failed("token store", e);
        return unavailable != null ? unavailable : new StoreFailure(e);
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static long generatedId(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no id was generated");
            }
            return keys.getLong(1);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void instant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, utc(value));
        }
    }

    private static Instant instant(ResultSet row, int index) throws SQLException {
        OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void text(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
