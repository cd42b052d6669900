package io.mcpee.security;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** The public {@code /.well-known} documents, apart from the application's own API. */
@ApplicationPath(".well-known")
public class WellKnownApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ProtectedResourceMetadata.class);
    }
}
