package io.mcpee.demo;

/** The demo's roles, as an application declares them for {@code @RolesAllowed}. */
final class Roles {
    static final String CUSTOMERS_READ = "customers:read";
    static final String CUSTOMERS_WRITE = "customers:write";
    static final String CUSTOMERS_DELETE = "customers:delete";
    /** Sees and changes every owner's customers; without it, a caller works only with its own. */
    static final String CUSTOMERS_ADMIN = "customers:admin";
    /** Sees customers' personal identifiers (the social security number) unmasked in tool results. */
    static final String CUSTOMERS_PII = "customers:pii";
    static final String ARTICLES_READ = "articles:read";
    static final String ARTICLES_WRITE = "articles:write";

    private Roles() {
    }
}
