package org.example.notes;

/** The application's own roles, for its people and the agents that act for them alike. */
public final class Roles {
    public static final String READ = "notes:read";
    public static final String WRITE = "notes:write";
    public static final String PRIVATE = "notes:private";

    private Roles() {
    }
}
