package io.mcpee.demo;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The demo CRM's REST API, an ordinary JAX-RS application that knows nothing about MCP. */
@ApplicationPath("api")
@DeclareRoles({Roles.CUSTOMERS_READ, Roles.CUSTOMERS_WRITE, Roles.CUSTOMERS_DELETE, Roles.CUSTOMERS_ADMIN,
        Roles.CUSTOMERS_PII, Roles.ARTICLES_READ,
        Roles.ARTICLES_WRITE})
public class CrmApplication extends Application {
}
