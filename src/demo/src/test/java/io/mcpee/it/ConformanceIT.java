package io.mcpee.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}) against the product WAR plus the
 * fixture tools of {@code io.mcpee.conformance}, at both requirement levels: {@code 2025-11-25} (clients that
 * {@code initialize} a session) and {@code 2026-07-28} (stateless). The pom installs the suite and the Node.js it
 * needs into {@code target/conformance} (src/test/npm-install.sh). The suite exits non-zero when a scenario
 * or check fails that the level's {@code src/test/conformance/expected-failures-<level>.yml} does not list, or when
 * a listed one passes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConformanceIT {
    /** The scenarios mcp-ee supports at each level; each must pass, whatever the expected-failures file says. */
    static final Map<String, List<String>> REQUIRED = Map.of(
            "2025-11-25", List.of("server-initialize", "ping", "tools-list", "tools-call-simple-text",
                    "tools-call-image", "tools-call-audio", "tools-call-embedded-resource", "tools-call-mixed-content",
                    "tools-call-error", "tools-call-with-progress", "tools-call-with-logging", "logging-set-level",
                    "dns-rebinding-protection"),
            "2026-07-28", List.of("tools-list", "tools-call-simple-text", "tools-call-image", "tools-call-audio",
                    "tools-call-embedded-resource", "tools-call-mixed-content", "tools-call-error",
                    "tools-call-with-progress", "dns-rebinding-protection", "server-sse-multiple-streams",
                    "server-stateless", "input-required-result-basic-elicitation",
                    "input-required-result-basic-sampling", "input-required-result-basic-list-roots",
                    "input-required-result-request-state", "input-required-result-multiple-input-requests",
                    "input-required-result-multi-round", "input-required-result-missing-input-response",
                    "input-required-result-result-type", "input-required-result-unsupported-methods",
                    "input-required-result-tampered-state", "input-required-result-capability-check",
                    "input-required-result-ignore-extra-params", "input-required-result-validate-input"));
    private static final long TIMEOUT_MINUTES = 10;
    private static final Pattern SUMMARY_LINE = Pattern.compile("^([✓✗]) ([a-z0-9/-]+): (\\d+) passed, (\\d+) failed");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar();
    }

    @Test
    void sessionRevisionPassesEveryScenarioItIsNotExpectedToFail() throws Exception {
        runSuite("2025-11-25");
    }

    @Test
    void statelessRevisionPassesEveryScenarioItIsNotExpectedToFail() throws Exception {
        runSuite("2026-07-28");
    }

    private void runSuite(String level) throws Exception {
        Path dir = Path.of(System.getProperty("mcpee.conformance.dir", "target/conformance")).toAbsolutePath();
        Path node = dir.resolve("node_modules/.bin/node");
        Path suite = dir.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js");
        Path expectedFailures = Path.of(System.getProperty("mcpee.conformance.expected-failures",
                "src/test/conformance")).resolve("expected-failures-" + level + ".yml").toAbsolutePath();
        assertTrue(Files.isExecutable(node) && Files.isRegularFile(suite), "the conformance suite is not installed in "
                + dir + ": run it with Maven (mvn verify), which runs src/test/npm-install.sh");
        assertTrue(Files.isRegularFile(expectedFailures), expectedFailures + " is missing");
        // localhost, as a local agent addresses the server: the dns-rebinding-protection scenario requires it
        String url = "http://localhost:" + base.getPort() + base.getPath().replaceAll("/$", "") + "/mcp";
        // --requirements: every scenario the revision requires, on that revision's wire
        List<String> command = List.of(node.toString(), suite.toString(), "server", "--url", url,
                "--requirements", level, "--expected-failures", expectedFailures.toString(),
                "--output-dir", dir.resolve("results-" + level).toString());
        System.out.println("conformance: " + String.join(" ", command));

        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("NO_COLOR", "1");
        long started = System.nanoTime();
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> copy(process, output), "conformance-output");
        reader.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            reader.join(TimeUnit.SECONDS.toMillis(10));
            fail("the conformance suite did not finish in " + TIMEOUT_MINUTES + " minutes");
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        System.out.printf("conformance: suite finished in %.1f s with exit code %d%n",
                (System.nanoTime() - started) / 1e9, process.exitValue());

        TreeSet<String> passed = new TreeSet<>();
        TreeSet<String> ran = new TreeSet<>();
        synchronized (output) {
            for (String line : output) {
                Matcher summary = SUMMARY_LINE.matcher(line.strip());
                if (summary.find()) {
                    ran.add(summary.group(2));
                    if (summary.group(1).equals("✓")) {
                        passed.add(summary.group(2));
                    }
                }
            }
        }
        assertEquals(0, process.exitValue(), "the conformance suite found unexpected failures or stale expected "
                + "failures at " + level + "; its output is above");
        List<String> missing = REQUIRED.get(level).stream().filter(s -> !passed.contains(s)).toList();
        assertTrue(missing.isEmpty(), "required scenarios did not pass at " + level + ": " + missing + " (ran: " + ran
                + ")");
    }

    private static void copy(Process process, List<String> output) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                // quoted, so that the suite's own "Total: N passed, N failed" (failures it is expected to have)
                // is never mistaken for the build's test summary by whoever reads the log
                System.out.println("  conformance | " + line);
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (IOException e) {
            System.out.println("conformance: output lost: " + e);
        }
    }
}
