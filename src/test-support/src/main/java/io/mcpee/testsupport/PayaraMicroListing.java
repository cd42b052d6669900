package io.mcpee.testsupport;

import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

import java.util.logging.Logger;

/**
 * Completes what Arquillian learned of a Payara Micro deployment when its connector read the listing too early.
 *
 * <p>arquillian-payara-micro-managed 3.1 reads the server's console while it starts and stops reading as soon as the
 * "Instance Configuration" block has reached its "Https Port(s)" line; the "Deployed" list follows on the next
 * lines. When the reader thread is a few lines behind (a busy 2-core CI machine), Arquillian finds no application,
 * logs no "Servlet found" line, and every {@code @ArquillianResource URL} is the server's root: each test then
 * gets Payara's HTML 404 instead of the application. Payara Micro deploys a WAR at its name, so the context root is
 * known; this puts it back and says so, and a deployment that really failed still fails its tests, with this
 * warning beside them.
 */
public final class PayaraMicroListing implements LoadableExtension {

    /** Arquillian's servlet protocol for Jakarta EE reaches in-container tests through this servlet. */
    private static final String TEST_RUNNER = "ArquillianServletRunnerEE9";

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Completion.class);
    }

    public static final class Completion {
        private static final Logger LOG = Logger.getLogger(PayaraMicroListing.class.getName());

        @Inject
        Instance<ProtocolMetaData> protocolMetaData;

        public void complete(@Observes AfterDeploy deployed) {
            ProtocolMetaData metaData = protocolMetaData.get();
            if (metaData == null || !deployed.getDeployment().isArchiveDeployment()) {
                return;
            }
            String archive = deployed.getDeployment().getArchive().getName();
            if (!archive.endsWith(".war")) {
                return;
            }
            String contextRoot = "/" + archive.substring(0, archive.length() - ".war".length());
            for (HTTPContext context : metaData.getContexts(HTTPContext.class)) {
                if (context.getServlets().isEmpty()) {
                    LOG.warning(() -> "Arquillian found no application in Payara Micro's deployment listing on "
                            + context.getHost() + ":" + context.getPort() + " (read before it was complete);"
                            + " using " + archive + "'s context root " + contextRoot);
                    context.add(new Servlet("default", contextRoot));
                    context.add(new Servlet(TEST_RUNNER, contextRoot));
                }
            }
        }
    }
}
