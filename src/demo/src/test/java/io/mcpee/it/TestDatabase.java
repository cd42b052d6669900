package io.mcpee.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The PostgreSQL the "payara-postgresql" execution deploys on, for tests that read or change it directly. */
final class TestDatabase {

    private TestDatabase() {
    }

    static Connection connect() throws SQLException {
        String url = "jdbc:postgresql://" + System.getProperty("mcpee.test.db.host", "localhost") + ":"
                + System.getProperty("mcpee.test.db.port", "5432") + "/" + System.getProperty("mcpee.test.db.name",
                "mcpee");
        return DriverManager.getConnection(url, System.getProperty("mcpee.test.db.user", "mcpee"),
                System.getProperty("mcpee.test.db.password", "mcpee"));
    }
}
