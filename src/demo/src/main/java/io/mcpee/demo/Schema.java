package io.mcpee.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * The CRM's own tables, by its own Flyway migrations ({@code db/migration}, history in {@code flyway_schema_history}),
 * as any application with Flyway would have them. mcp-ee keeps its tables apart, with its own migrations and history.
 * <p>
 * Databases made before mcp-ee was a library list mcp-ee's old migrations (versions 2 to 4) in this history: they
 * are not the demo's any more (mcp-ee took their tables over into its own schema), so versions this build does not
 * have are accepted, above its own (future) or between them (missing). The demo's next migration is therefore V5.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Schema {
    private static final Logger LOG = Logger.getLogger(Schema.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        var result = Flyway.configure(Schema.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration")
                .ignoreMigrationPatterns("*:missing", "*:future")
                .load().migrate();
        LOG.info(() -> "demo CRM: database schema at version " + result.targetSchemaVersion);
    }
}
