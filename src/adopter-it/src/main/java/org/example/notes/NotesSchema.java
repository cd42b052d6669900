package org.example.notes;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** The application's own tables, by its own Flyway with its defaults: db/migration, flyway_schema_history. */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class NotesSchema {
    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        Flyway.configure(NotesSchema.class.getClassLoader()).dataSource(dataSource).load().migrate();
    }
}
