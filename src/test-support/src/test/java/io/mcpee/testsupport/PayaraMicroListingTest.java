package io.mcpee.testsupport;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The test infrastructure's completion of a Payara Micro deployment listing Arquillian read too early. */
class PayaraMicroListingTest {

    @Test
    void anEmptyListingGetsTheWarsContextRoot() {
        HTTPContext context = new HTTPContext("192.0.2.2", 8092);

        complete(context, "mcp-ee-demo.war");

        assertEquals(List.of("default", "ArquillianServletRunnerEE9"),
                context.getServlets().stream().map(Servlet::getName).toList());
        assertEquals(URI.create("http://192.0.2.2:8092/mcp-ee-demo/"), context.getServlets().get(0).getBaseURI());
        assertEquals(context.getServlets().get(0).getBaseURI(), context.getServlets().get(1).getBaseURI());
    }

    @Test
    void aCompleteListingIsLeftAsItIs() {
        HTTPContext context = new HTTPContext("192.0.2.2", 8092).add(new Servlet("McpApplication", "/notes"));

        complete(context, "mcp-ee-demo.war");

        assertEquals(List.of(URI.create("http://192.0.2.2:8092/notes/")),
                context.getServlets().stream().map(Servlet::getBaseURI).toList());
    }

    private static void complete(HTTPContext context, String archiveName) {
        ProtocolMetaData metaData = new ProtocolMetaData().addContext(context);
        PayaraMicroListing.Completion completion = new PayaraMicroListing.Completion();
        completion.protocolMetaData = () -> metaData;
        WebArchive war = ShrinkWrap.create(WebArchive.class, archiveName);
        completion.complete(new AfterDeploy(new PayaraMicroDeployableContainer(), new DeploymentDescription("deployment", war)));
    }
}
