package io.mcpee.tokens;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused token request becomes its status with a JSON message. */
@Provider
public class TokenExceptionMapper implements ExceptionMapper<TokenException> {
    @Override
    public Response toResponse(TokenException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(io.mcpee.protocol.JsonText.BUILDERS.createObjectBuilder().add("error", e.getMessage())
                        .build().toString()).build();
    }
}
