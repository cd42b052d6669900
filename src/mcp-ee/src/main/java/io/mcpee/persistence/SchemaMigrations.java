package io.mcpee.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Brings mcp-ee's own tables to the version this library expects, with Flyway, before the application serves a
 * request: migrations from {@code classpath:io/mcpee/migration} (never the application's {@code db/migration}),
 * history in {@code mcpee_schema_history} (never the application's {@code flyway_schema_history}), in mcp-ee's
 * schema ({@link McpeeDatabase}). An application that runs Flyway or Liquibase for its own tables never sees them.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {
    /** The placeholder through which the migration that adopts tables of earlier versions finds them. */
    public static final String APPLICATION_SCHEMA = "applicationSchema";
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    // field injection: the container makes a session bean with its no-argument constructor
    @Inject
    McpeeDatabase database;

    @PostConstruct
    void migrate() {
        try (Connection connection = database.connection()) {
            MigrateResult result = migrateTables(connection, database.schema());
            LOG.info(() -> "mcp-ee: its tables are at version " + result.targetSchemaVersion + " ("
                    + result.migrationsExecuted + " migrations applied now, " + result.database + ", schema "
                    + result.schemaName + ")");
            requireApartFromTheApplication();
        } catch (SQLException e) {
            throw new IllegalStateException("mcp-ee: cannot reach its database to migrate its tables", e);
        }
    }

    /**
     * Migrates mcp-ee's tables in {@code schema} (empty: the connection's own) over one connection, whose current
     * schema is put back before the caller hands it back: Flyway sets it to mcp-ee's schema while it migrates, and
     * the application's next statement on that connection must not run in mcp-ee's schema (its own Flyway would take
     * that schema for its own and refuse it).
     */
    public static MigrateResult migrateTables(Connection connection, String schema) throws SQLException {
        String applicationSchema = connection.getSchema();
        try {
            FluentConfiguration flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                    .dataSource(new OneConnection(connection))
                    .locations("classpath:io/mcpee/migration")
                    .table("mcpee_schema_history")
                    .placeholders(Map.of(APPLICATION_SCHEMA, applicationSchema == null ? "" : applicationSchema));
            if (schema.isEmpty()) {
                // the application's schema holds its own tables: mcp-ee's history starts beside them
                flyway.baselineOnMigrate(true).baselineVersion("0");
            } else {
                flyway.schemas(asStored(connection.getMetaData(), schema)).createSchemas(true);
            }
            return flyway.load().migrate();
        } finally {
            if (applicationSchema != null && !applicationSchema.equals(connection.getSchema())) {
                connection.setSchema(applicationSchema);
            }
        }
    }

    /**
     * mcp-ee's schema must not be the one the application's connections start in: PostgreSQL makes a schema named
     * like the connecting user that user's default ({@code search_path} {@code "$user", public}), so the application's
     * tables and migrations would land beside mcp-ee's.
     */
    private void requireApartFromTheApplication() throws SQLException {
        if (database.schema().isEmpty()) {
            return;
        }
        try (Connection connection = database.connection()) {
            String current = connection.getSchema();
            if (current != null && current.equalsIgnoreCase(database.schema())) {
                throw new IllegalStateException("mcp-ee: its schema " + database.schema() + " is the default schema"
                        + " of the database user (PostgreSQL takes a schema named like the user as its default): the"
                        + " application's tables would be mixed with mcp-ee's. Choose another with"
                        + " mcpee.database.schema");
            }
        }
    }

    private void runFlyway(Connection connection, String applicationSchema) throws SQLException {
        FluentConfiguration flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(new OneConnection(connection))
                .locations("classpath:io/mcpee/migration")
                .table("mcpee_schema_history")
                .placeholders(Map.of(APPLICATION_SCHEMA, applicationSchema == null ? "" : applicationSchema));
        if (database.schema().isEmpty()) {
            // the application's schema holds its own tables: mcp-ee's history starts beside them
            flyway.baselineOnMigrate(true).baselineVersion("0");
        } else {
            flyway.schemas(asStored(connection.getMetaData(), database.schema())).createSchemas(true);
        }
        MigrateResult result = flyway.load().migrate();
        LOG.info(() -> "mcp-ee: its tables are at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now, " + result.database + ", schema "
                + (database.schema().isEmpty() ? applicationSchema : database.schema()) + ")");
    }

    /**
     * A name as the database stores it when written without quotes (H2: upper case, PostgreSQL: lower case): the
     * statements name the schema without quotes, Flyway with them.
     */
    static String asStored(DatabaseMetaData metadata, String name) throws SQLException {
        if (metadata.storesUpperCaseIdentifiers()) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (metadata.storesLowerCaseIdentifiers()) {
            return name.toLowerCase(Locale.ROOT);
        }
        return name;
    }
}
