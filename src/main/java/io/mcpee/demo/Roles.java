package io.mcpee.demo;

/** The demo's roles, as an application declares them for {@code @RolesAllowed}. */
final class Roles {
    static final String CUSTOMERS_READ = "customers:read";
    static final String CUSTOMERS_WRITE = "customers:write";
    static final String CUSTOMERS_DELETE = "customers:delete";
    static final String ARTICLES_READ = "articles:read";
    static final String ARTICLES_WRITE = "articles:write";

    private Roles() {
    }
}
