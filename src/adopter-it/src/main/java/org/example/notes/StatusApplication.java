package org.example.notes;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** A second JAX-RS application of the same web application, at /status. */
@ApplicationPath("status")
public class StatusApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(StatusResource.class);
    }
}
