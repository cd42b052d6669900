package io.mcpee.log;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A failure the client hears of only by reference: the server log gets it in full (with its stack trace) under a
 * random reference, and the client a message that names the reference, never the exception. The one way mcp-ee
 * reports a failure that is not the client's.
 */
public record Incident(String reference) {

    /** Logs {@code failure} at SEVERE as "mcp-ee: {@code what} (reference ...)" under a new reference. */
    public static Incident log(Logger log, String what, Throwable failure) {
        return log(log, Level.SEVERE, what, failure);
    }

    public static Incident log(Logger log, Level level, String what, Throwable failure) {
        Incident incident = new Incident(UUID.randomUUID().toString());
        log.log(level, "mcp-ee: " + what + " (reference " + incident.reference + ")", failure);
        return incident;
    }

    /** {@code message}, and where to find the details: what the client is told. */
    public String tell(String message) {
        return message + "; the server log has the details under reference " + reference;
    }
}
