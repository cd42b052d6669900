package io.mcpee.tools;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which JAX-RS application serves a resource class, and so the base of its tools' URIs. */
class RestApplicationsTest {
    static class Customers {
    }

    static class Other {
    }

    private static RestApplications.Deployed app(String name, String path, Class<?>... classes) {
        return new RestApplications.Deployed(name, path, Set.of(classes));
    }

    @Test
    void anApplicationListingTheClassServesIt() {
        List<RestApplications.Deployed> apps = List.of(app("a.Everything", "api"),
                app("b.Listed", "v2", Other.class, Customers.class), app("c.Mcp", "mcp", Other.class));
        assertEquals("v2", RestApplications.applicationPath(Customers.class, apps));
    }

    @Test
    void elseTheFirstApplicationServingEveryClassByName() {
        List<RestApplications.Deployed> apps = List.of(app("z.Later", "later"), app("c.Mcp", "mcp", Other.class),
                app("a.Crm", "api"));
        assertEquals("api", RestApplications.applicationPath(Customers.class, apps));
    }

    @Test
    void elseTheContextRoot() {
        assertEquals("", RestApplications.applicationPath(Customers.class,
                List.of(app("c.Mcp", "mcp", Other.class))));
        assertEquals("", RestApplications.applicationPath(Customers.class, List.of()));
    }

    @Test
    void onlyPrefixMappingsArePaths() {
        assertEquals(Optional.of("api"), RestApplications.prefix("/api/*"));
        assertEquals(Optional.of("rest/v1"), RestApplications.prefix("/rest/v1/*"));
        assertEquals(Optional.of(""), RestApplications.prefix("/*"));
        assertEquals(Optional.empty(), RestApplications.prefix("*.jsp"));
        assertEquals(Optional.empty(), RestApplications.prefix("/exact"));
        assertEquals(Optional.empty(), RestApplications.prefix(null));
    }
}
