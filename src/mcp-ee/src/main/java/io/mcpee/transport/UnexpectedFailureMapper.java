package io.mcpee.transport;

import io.mcpee.log.Incident;
import io.mcpee.persistence.DatabaseUnavailable;
import io.mcpee.protocol.ErrorCode;
import io.mcpee.protocol.RequestId;
import io.mcpee.protocol.Responses;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.logging.Logger;

/**
 * The last line at the MCP endpoint: whatever escapes it becomes a JSON-RPC error with a log reference, never the
 * container's error page (which shows exception classes). JAX-RS's own errors (404, 405, 415) keep their status.
 * Not a {@code @Provider}: an application whose {@code Application} lists no classes serves every provider JAX-RS
 * finds, and would answer its own REST errors in JSON-RPC. {@link McpApplication} lists it instead.
 */
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof DatabaseUnavailable unavailable) {
            return McpEndpoint.retryLater(503, unavailable.retryAfterSeconds(), Responses.error(RequestId.NULL,
                    ErrorCode.INTERNAL_ERROR, unavailable.getMessage(), "{\"retryAfter\":"
                            + unavailable.retryAfterSeconds() + "}"));
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Responses.error(RequestId.NULL, ErrorCode.INVALID_REQUEST, "HTTP " + status + " "
                            + web.getResponse().getStatusInfo().getReasonPhrase())).build();
        }
        Incident incident = Incident.log(LOG, "unexpected failure at the MCP endpoint", failure);
        return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE).entity(Responses.error(RequestId.NULL,
                ErrorCode.INTERNAL_ERROR, incident.tell("Internal error"))).build();
    }
}
