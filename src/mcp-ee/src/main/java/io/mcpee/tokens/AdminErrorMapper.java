package io.mcpee.tokens;

import io.mcpee.protocol.JsonText;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The admin API's answer to a {@code WebApplicationException} that carries no body of its own (a token not found,
 * a path or parameter JAX-RS cannot match or convert, a method it does not allow): its status with the API's JSON
 * error, as {@link TokenExceptionMapper} gives, instead of the container's HTML page. Listed by
 * {@link io.mcpee.admin.AdminApplication}, not a {@code @Provider}: the application's own REST API keeps its own errors.
 */
public class AdminErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response response = exception.getResponse();
        if (response.hasEntity()) {
            return response;
        }
        // our own messages name the token or group; those JAX-RS makes itself are "HTTP 404 Not Found" and the like
        String message = exception.getMessage() == null || exception.getMessage().startsWith("HTTP ")
                ? response.getStatusInfo().getReasonPhrase() : exception.getMessage();
        return Response.fromResponse(response).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonText.BUILDERS.createObjectBuilder().add("error", message).build().toString()).build();
    }
}
