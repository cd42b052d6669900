package io.mcpee.admin;

import io.mcpee.log.Incident;
import io.mcpee.persistence.DatabaseHealth;
import io.mcpee.persistence.DatabaseUnavailable;
import io.mcpee.protocol.JsonText;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.logging.Logger;

/**
 * The admin API's answer when the transaction of a request ({@code @Transactional} token service) failed at its
 * commit: when the database cannot be reached — its connection broke between the request's statements and the
 * commit — the 503 with {@code Retry-After} of {@link DatabaseUnavailableMapper}; otherwise a 500 with the API's JSON
 * error and a reference to the server log. Never the container's HTML page, which the JAX-RS implementation's own
 * mapper for this exception would leave it to. Its priority puts it before that mapper.
 */
@Priority(Priorities.USER - 100)
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {
    private static final Logger LOG = Logger.getLogger(TransactionFailureMapper.class.getName());

    private final DatabaseUnavailableMapper unavailable = new DatabaseUnavailableMapper();

    // A public no-argument constructor and the bean looked up when needed, not injected: RESTEasy (WildFly)
    // instantiates the providers an Application lists itself, and refuses one it cannot construct so.
    @Override
    public Response toResponse(TransactionalException failure) {
        DatabaseUnavailable down = CDI.current().select(DatabaseHealth.class).get().failed("admin", failure);
        if (down != null) {
            return unavailable.toResponse(down);
        }
        Incident incident = Incident.log(LOG, "admin request's transaction failed", failure);
        return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonText.BUILDERS.createObjectBuilder().add("error", incident.tell(
                        "HTTP 500 Internal Server Error: the request's changes could not be committed")).build()
                        .toString()).build();
    }
}
