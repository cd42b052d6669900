package io.mcpee.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Where mcp-ee keeps its tables: the data source named by {@code mcpee.datasource} (default: the server's default
 * data source, {@code java:comp/DefaultDataSource}), in the schema {@code mcpee.database.schema} (default
 * {@code mcpee_store}, made by the first migration; empty: the data source's own default schema), every table named
 * {@code mcpee_...}. The application's tables, persistence units and migrations are never touched: a schema of its
 * own also keeps the application's schema empty for a migration tool of the application's that refuses to start on
 * a schema holding tables it does not know (Flyway without a history table).
 * <p>
 * For "a change and its audit entry commit together" the data source must be the application's own (or both must
 * be XA data sources): a tool call's transaction then holds one connection.
 */
@ApplicationScoped
public class McpeeDatabase {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

    private final String jndiName;
    private final String schema;
    private volatile DataSource dataSource;

    @Inject
    McpeeDatabase(@ConfigProperty(name = "mcpee.datasource", defaultValue = "java:comp/DefaultDataSource")
                  String jndiName,
                  @ConfigProperty(name = "mcpee.database.schema", defaultValue = "mcpee_store") String schema) {
        this.jndiName = jndiName.strip();
        this.schema = schema.strip();
        if (!this.schema.isEmpty() && !NAME.matcher(this.schema).matches()) {
            throw new IllegalArgumentException("mcpee.database.schema must be a plain SQL name (letters, digits, _),"
                    + " or empty for the data source's default schema");
        }
    }

    /** For the CDI client proxy only. */
    protected McpeeDatabase() {
        this.jndiName = null;
        this.schema = null;
    }

    /** mcp-ee's schema as configured; empty for the data source's default schema. */
    public String schema() {
        return schema;
    }

    /** The qualified name of one of mcp-ee's tables ({@code agent_token} → {@code mcpee_store.mcpee_agent_token}). */
    public String table(String name) {
        return (schema.isEmpty() ? "" : schema + ".") + "mcpee_" + name;
    }

    public Connection connection() throws SQLException {
        return dataSource().getConnection();
    }

    public DataSource dataSource() {
        DataSource found = dataSource;
        if (found == null) {
            try {
                found = (DataSource) new InitialContext().lookup(jndiName);
            } catch (NamingException | ClassCastException e) {
                throw new IllegalStateException("mcp-ee: no data source at " + jndiName + " (mcpee.datasource)", e);
            }
            dataSource = found;
        }
        return found;
    }
}
