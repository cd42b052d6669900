package io.mcpee.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.URL;

/**
 * The listening streams on WildFly: RESTEasy serves them as Jersey does ({@code SseEventSink}, the routing of
 * {@code subscriptions/listen}); the checks are {@link ListeningIT}'s. A class of its own, with no MCP client
 * connected: a grant change reaches every listening client, and one that re-lists its tools while the test closes
 * it logs a late answer.
 */
@EnabledIfSystemProperty(named = WildFlySmokeIT.URL_PROPERTY, matches = ".+",
        disabledReason = "needs the WildFly that Maven starts (failsafe execution wildfly-h2)")
class WildFlyListeningIT {

    @Test
    void aSessionsGetStreamHearsOfGrantChangesUntilTheSessionEnds() throws Exception {
        ListeningIT.sessionStreamHearsOfGrantChanges(base());
    }

    @Test
    void aSubscriptionIsAcknowledgedThenHearsOfGrantChanges() throws Exception {
        ListeningIT.subscriptionHearsOfGrantChanges(base());
    }

    private static URL base() throws Exception {
        return URI.create(System.getProperty(WildFlySmokeIT.URL_PROPERTY)).toURL();
    }
}
