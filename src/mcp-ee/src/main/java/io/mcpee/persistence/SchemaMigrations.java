package io.mcpee.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the database schema to the version this WAR expects, with Flyway, before the application serves a
 * request. The schema is never made by JPA. The data source is the server's default one
 * ({@code java:comp/DefaultDataSource}): which database that is (embedded H2, PostgreSQL) is server configuration,
 * kept in {@code server-config/}, so the same WAR runs on any of them unchanged.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "mcp-ee: database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now, " + result.database + ")");
    }
}
