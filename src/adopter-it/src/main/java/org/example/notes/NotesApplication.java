package org.example.notes;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** The notes API at /rest. */
@ApplicationPath("rest")
@DeclareRoles({Roles.READ, Roles.WRITE})
public class NotesApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(NoteResource.class, TrackedResource.class);
    }
}
