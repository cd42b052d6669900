package io.mcpee.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR the build made, as Arquillian deploys it: the product exactly as users get it. */
final class Deployments {

    private Deployments() {
    }

    static WebArchive productWar() {
        File war = new File(System.getProperty("mcpee.war", "target/mcp-ee.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("run the integration tests with Maven (mvn verify): " + war
                    + " is not built");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
