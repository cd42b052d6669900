package io.mcpee.tools;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class AccessRuleTest {

    @Path("guarded")
    @RolesAllowed("things:read")
    public static class Guarded {
        @GET
        public String byClass() {
            return "";
        }

        @POST
        @RolesAllowed({"things:write", "things:admin"})
        public String byMethod() {
            return "";
        }

        @PUT
        @PermitAll
        public String open() {
            return "";
        }

        @GET
        @Path("x")
        @DenyAll
        public String closed() {
            return "";
        }
    }

    @Path("bare")
    public static class Bare {
        @GET
        public String nothing() {
            return "";
        }
    }

    @Path("shut")
    @DenyAll
    public static class Shut {
        @GET
        @RolesAllowed("a")
        public String methodWins() {
            return "";
        }
    }

    private static AccessRule rule(Class<?> type, String method) throws NoSuchMethodException {
        return AccessRule.of(type.getMethod(method), type);
    }

    @Test
    void methodAnnotationsOverrideTheClass() throws Exception {
        assertEquals(new AccessRule.AnyRoleOf(Set.of("things:read")), rule(Guarded.class, "byClass"));
        assertEquals(new AccessRule.AnyRoleOf(Set.of("things:write", "things:admin")), rule(Guarded.class, "byMethod"));
        assertInstanceOf(AccessRule.Anyone.class, rule(Guarded.class, "open"));
        assertInstanceOf(AccessRule.NoOne.class, rule(Guarded.class, "closed"));
        assertEquals(new AccessRule.AnyRoleOf(Set.of("a")), rule(Shut.class, "methodWins"));
    }

    @Test
    void noAnnotationDeniesEveryone() throws Exception {
        assertInstanceOf(AccessRule.NoOne.class, rule(Bare.class, "nothing"));
    }
}
