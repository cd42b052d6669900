package io.mcpee.tokens;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A refused token request becomes its status with a JSON message. Listed by {@link io.mcpee.admin.AdminApplication}, not a
 * {@code @Provider}: it is no business of the application's own REST API.
 */
public class TokenExceptionMapper implements ExceptionMapper<TokenException> {
    @Override
    public Response toResponse(TokenException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(io.mcpee.protocol.JsonText.BUILDERS.createObjectBuilder().add("error", e.getMessage())
                        .build().toString()).build();
    }
}
