package io.mcpee.admin;

import io.mcpee.persistence.DatabaseUnavailable;
import io.mcpee.protocol.JsonText;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The admin API's answer when the database went away while a request was already in (those that come after are
 * refused at the door): 503 with {@code Retry-After} and the API's JSON error, as at the door, not a 500.
 */
public class DatabaseUnavailableMapper implements ExceptionMapper<DatabaseUnavailable> {

    @Override
    public Response toResponse(DatabaseUnavailable unavailable) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(unavailable.retryAfterSeconds()))
                .entity(JsonText.BUILDERS.createObjectBuilder().add("error", unavailable.getMessage()).build()
                        .toString()).build();
    }
}
