package org.example.notes.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;

/** The Notes application, as its build made it (one dependency on mcp-ee), on Payara Micro at /notes. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdopterPayaraIT extends AdopterChecks {
    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        File war = new File(System.getProperty("mcpee.adopter.war", "target/notes.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    @Override
    String base() {
        // addressed as localhost, as a local agent would: mcp-ee's DNS-rebinding checks depend on it
        String path = base.getPath();
        return "http://localhost:" + base.getPort() + (path.endsWith("/") ? path : path + "/");
    }
}
