package io.mcpee.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The product as an operator starts it: server-config/payara/run.sh, with the WAR and Payara Micro of the build. */
final class RunScript {

    private RunScript() {
    }

    /**
     * Starts run.sh with its data in {@code folder/data} and its output in {@code folder/payara-<run>.log}, and
     * returns once Payara Micro says it is ready.
     *
     * @param environment the run's own variables (ports, HTTPS), beside the data folder, WAR and Payara jar
     */
    static Process start(Path folder, String run, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path log = folder.resolve("payara-" + run + ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", System.getProperty("mcpee.server-config", "server-config")
                + "/payara/run.sh").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("MCPEE_DATA_DIR", folder.resolve("data").toString());
        builder.environment().put("PAYARA_MICRO_JAR", System.getProperty("payara.micro.jar", "target/payara-micro.jar"));
        builder.environment().put("MCPEE_WAR", System.getProperty("mcpee.war", "target/mcp-ee-demo.war"));
        Process server = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Payara Micro exited: " + Files.readString(log));
            }
            String output = Files.readString(log);
            if (output.contains("Exception while loading the app")) {
                throw new IllegalStateException("deployment failed: " + output);
            }
            if (output.contains(" ready in ")) {
                return server;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara Micro did not start in 4 minutes: " + Files.readString(log));
    }

    /** Stops a server started here and waits for it. */
    static void stop(Process server) throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
