package io.mcpee.tokens;

import io.mcpee.audit.Refusal;
import jakarta.ejb.ApplicationException;

/**
 * A token request that cannot be honoured; the message is written for the caller.
 * <p>
 * An EJB application exception: thrown from the {@code @Stateless} {@link TokenService}, it reaches the resource
 * as it is, for {@link TokenExceptionMapper}. As a plain runtime exception it was a system exception to the
 * container, which logged it as a warning with some 75 stack frames and wrapped it in an {@code EJBException}, for
 * every refused request. {@code rollback = true}, as a system exception did: a refused request must change nothing,
 * even if a later change to the service refuses after it has written something (an application exception would
 * otherwise commit it).
 */
@ApplicationException(rollback = true)
public class TokenException extends RuntimeException implements Refusal {
    private final int status;

    TokenException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
