package io.mcpee.it;

import io.mcpee.conformance.Address;
import io.mcpee.conformance.ConformanceResource;
import io.mcpee.conformance.Contact;
import io.mcpee.conformance.Sample;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR the build made, as Arquillian deploys it: the product exactly as users get it. */
final class Deployments {

    private Deployments() {
    }

    static WebArchive productWar() {
        File war = new File(System.getProperty("mcpee.war", "target/mcp-ee-demo.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("run the integration tests with Maven (mvn verify): " + war
                    + " is not built");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** The product plus the tools the official MCP conformance suite calls (test sources, io.mcpee.conformance). */
    static WebArchive conformanceWar() {
        return productWar()
                .addClasses(ConformanceResource.class, Contact.class, Address.class, Sample.class)
                .addAsResource("io/mcpee/conformance/red-pixel.png")
                .addAsResource("io/mcpee/conformance/tone.wav");
    }
}
