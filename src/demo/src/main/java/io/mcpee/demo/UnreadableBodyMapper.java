package io.mcpee.demo;

import jakarta.json.Json;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body the JSON binding cannot read (malformed JSON, a string where a number belongs) is the caller's
 * mistake: 400, where the JAX-RS runtime would answer 500. The message names no class and repeats nothing.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException exception) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", "Bad Request")
                        .add("message", "The request body is not JSON of the expected form").build().toString())
                .build();
    }
}
