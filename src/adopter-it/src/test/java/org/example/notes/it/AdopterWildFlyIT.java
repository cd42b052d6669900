package org.example.notes.it;

import java.net.URI;

/** The same Notes WAR on WildFly 38 (server-config/wildfly), deployed at /notes by the build. */
class AdopterWildFlyIT extends AdopterChecks {

    @Override
    String base() {
        URI server = URI.create(System.getProperty("mcpee.wildfly.url", "http://127.0.0.1:8480/"));
        return "http://localhost:" + server.getPort() + "/notes/";
    }
}
