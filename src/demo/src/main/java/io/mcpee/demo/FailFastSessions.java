package io.mcpee.demo;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink's sessions of the CRM's persistence unit do not retry a statement whose connection broke: by default
 * EclipseLink reconnects and tries again, 5 s apart, so a request that was running when the database went away
 * would wait for it for about 10 s instead of failing at once (a 503 the client can retry). Named in
 * persistence.xml; only EclipseLink (Payara) reads it.
 */
public class FailFastSessions implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
