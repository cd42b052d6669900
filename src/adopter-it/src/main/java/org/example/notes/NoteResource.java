package org.example.notes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;

/** Notes, as an EJB resource on the application's own persistence unit. */
@Stateless
@Path("notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tracked
public class NoteResource {
    @PersistenceContext(unitName = "notes")
    private EntityManager notes;

    @GET
    @RolesAllowed(Roles.READ)
    public List<Note> list() {
        return notes.createQuery("SELECT n FROM Note n ORDER BY n.id", Note.class).getResultList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.READ)
    public Note retrieve(@PathParam("id") long id) {
        Note note = notes.find(Note.class, id);
        if (note == null) {
            throw new NotFoundException("Note " + id + " not found");
        }
        return note;
    }

    @POST
    @RolesAllowed(Roles.WRITE)
    public Note create(@Valid @NotNull NoteInput input, @Context SecurityContext caller) {
        Note note = new Note(input.title(), input.text(), caller.getUserPrincipal().getName());
        notes.persist(note);
        return note;
    }
}
