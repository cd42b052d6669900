package io.mcpee.it;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The token administration page at /admin/ in a real browser: Debian's headless Chromium driven by Debian's
 * chromedriver through Selenium. Both come from apt-get (.ci/run installs them); when they are missing this test
 * fails, it does not skip. Selenium Manager is never needed: the driver and browser paths are given explicitly.
 * Screenshots go to target/admin-page/.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminPageIT {
    private static final Path CHROMIUM = Path.of(System.getProperty("mcpee.test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("mcpee.test.chromedriver",
            "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("mcpee.test.screenshots",
            "target/admin-page"));
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOKEN_SHAPE = "mcp_[0-9a-f]{16}_[0-9a-f]{64}";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private static ChromeDriverService service;
    private static ChromeDriver driver;
    private static Path profile;

    @ArquillianResource
    URL deployed;

    /** The deployment, addressed as localhost: the browser and the API calls stay on the loopback interface. */
    private URL base;

    @BeforeEach
    void localBase() throws IOException {
        base = URI.create("http://localhost:" + deployed.getPort() + deployed.getPath()).toURL();
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
                profile = null;
            }
        }
    }

    /** Debian's Chromium through Debian's chromedriver, headless at 1280x800, with a fresh profile. */
    private static ChromeDriver browser() throws IOException {
        if (driver != null) {
            return driver;
        }
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("AdminPageIT drives a real browser, but " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM)
                    + " is missing. Install Debian's browser and driver first: "
                    + "apt-get install -y chromium chromium-driver (.ci/run does this), or point "
                    + "-Dmcpee.test.chromium / -Dmcpee.test.chromedriver at them.");
        }
        profile = Files.createTempDirectory("mcpee-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,800", "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(SCREENSHOTS.resolve("chromedriver.log").toFile()).build();
        Files.createDirectories(SCREENSHOTS);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return driver;
    }

    private String page() {
        return base.toString().replaceAll("/$", "") + "/mcp-ee/admin/";
    }

    /** Opens the page signed out: a fresh tab state with nothing in sessionStorage. */
    private ChromeDriver openSignedOut() throws IOException {
        ChromeDriver browser = browser();
        browser.get(page());
        browser.executeScript("sessionStorage.clear();");
        browser.navigate().refresh();
        visible(By.id("sign-in-token"));
        return browser;
    }

    /** Opens the page and signs in with this token. */
    private ChromeDriver signedIn(String token) throws IOException {
        ChromeDriver browser = openSignedOut();
        browser.findElement(By.id("sign-in-token")).sendKeys(token);
        browser.findElement(By.id("sign-in-button")).click();
        visible(By.id("workspace"));
        return browser;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    private WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private String messageContaining(String text) {
        waiting().withMessage(() -> "a message containing \"" + text + "\"; the message area says: "
                        + driver.findElement(By.id("message")).getText())
                .until(d -> {
                    WebElement message = d.findElement(By.id("message"));
                    return message.isDisplayed() && message.getText().contains(text);
                });
        return driver.findElement(By.id("message")).getText();
    }

    private Optional<WebElement> row(String name) {
        List<WebElement> rows = driver.findElements(By.xpath("//tbody[@id='tokens-body']/tr[td[1]/span"
                + "[@class='token-name' and text()=" + xpathLiteral(name) + "]]"));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    private WebElement waitForRow(String name) {
        return waiting().withMessage("a row for token \"" + name + "\"").until(d -> row(name).orElse(null));
    }

    private void waitForStatus(String name, String status) {
        waiting().withMessage(() -> "token \"" + name + "\" with status " + status + "; the row says: "
                        + row(name).map(WebElement::getText).orElse("(no row)"))
                .until(d -> row(name).map(r -> r.findElement(By.cssSelector("td.status .badge")).getText()
                        .equals(status)).orElse(false));
    }

    private void clickInRow(String name, String button) {
        waitForRow(name).findElement(By.xpath(".//td[@class='actions']/button[text()='" + button + "']")).click();
    }

    private void acceptConfirm(String expected) {
        var alert = waiting().until(ExpectedConditions.alertIsPresent());
        assertTrue(alert.getText().contains(expected), alert.getText());
        alert.accept();
    }

    private String newSecretShown(String previous) {
        return waiting().withMessage("the new token in the secret box").until(d -> {
            WebElement box = d.findElement(By.id("secret-box"));
            String value = d.findElement(By.id("secret-value")).getText();
            return box.isDisplayed() && value.matches(TOKEN_SHAPE) && !value.equals(previous) ? value : null;
        });
    }

    /** Waits for the page's requests to end: it marks the body aria-busy while a button's action runs. */
    private void settled() {
        waiting().withMessage("the page to finish its requests")
                .until(d -> d.findElement(By.tagName("body")).getAttribute("aria-busy") == null);
    }

    /** The entries the audit table shows, newest first (not their detail rows). */
    private List<WebElement> auditRows() {
        return driver.findElements(By.cssSelector("#audit-body tr.audit-entry"));
    }

    private static String cell(WebElement row, String css) {
        return row.findElement(By.cssSelector(css)).getText();
    }

    private List<WebElement> waitForAuditRows(String user, int count) {
        return waiting().ignoring(StaleElementReferenceException.class)
                .withMessage(() -> count + " audit entries of " + user + "; the table shows: "
                        + driver.findElement(By.id("audit-body")).getText())
                .until(d -> {
                    List<WebElement> rows = auditRows().stream().filter(r -> cell(r, "td.user").equals(user))
                            .toList();
                    return rows.size() == count ? rows : null;
                });
    }

    private void applyAuditFilter() {
        driver.findElement(By.id("audit-apply")).click();
        settled();
    }

    private void setValue(String id, String value) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    /** Opens an entry's details; returns its detail row. */
    private WebElement openDetails(WebElement row) {
        WebElement toggle = row.findElement(By.cssSelector("button.details-toggle"));
        assertEquals("false", toggle.getAttribute("aria-expanded"));
        toggle.click();
        assertEquals("true", toggle.getAttribute("aria-expanded"));
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.id(toggle.getAttribute("aria-controls"))));
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private int apiStatus(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .timeout(WAIT).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageIsPublicAndLoadsNothingFromElsewhere() throws Exception {
        String context = base.getPath().replaceAll("/$", "");
        HttpResponse<String> html = get("/mcp-ee/admin/");
        assertEquals(200, html.statusCode(), html.body());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                html.headers().toString());
        assertTrue(html.body().contains("<script src=\"admin.js\""), html.body());

        HttpResponse<String> bare = get("/mcp-ee/admin");
        assertTrue(bare.statusCode() == 301 || bare.statusCode() == 302, "GET " + context + "/mcp-ee/admin: "
                + bare.statusCode());
        assertTrue(bare.headers().firstValue("Location").orElse("").endsWith(context + "/mcp-ee/admin/"),
                bare.headers().toString());

        HttpResponse<String> script = get("/mcp-ee/admin/admin.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"),
                script.headers().toString());
        HttpResponse<String> style = get("/mcp-ee/admin/admin.css");
        assertEquals(200, style.statusCode());
        assertTrue(style.headers().firstValue("Content-Type").orElse("").startsWith("text/css"),
                style.headers().toString());
        for (HttpResponse<String> file : List.of(html, script, style)) {
            assertFalse(file.body().contains("http://") || file.body().contains("https://")
                    || file.body().contains("//cdn"), file.uri() + " names another site");
        }
        // the API behind it is not public
        assertEquals(401, apiStatus("/mcp-ee/api/tokens", null));
    }

    @Test
    void aBadTokenIsRefusedAtSignIn() throws Exception {
        ChromeDriver browser = openSignedOut();
        for (String bad : List.of("mcp_0000000000000bad_" + "0".repeat(64), "not-a-token")) {
            WebElement input = browser.findElement(By.id("sign-in-token"));
            input.clear();
            input.sendKeys(bad);
            browser.findElement(By.id("sign-in-button")).click();
            String message = messageContaining("Sign-in failed");
            assertTrue(message.contains("401"), message);
            assertTrue(browser.findElement(By.id("sign-in")).isDisplayed());
            assertFalse(browser.findElement(By.id("workspace")).isDisplayed());
            assertEquals(0L, browser.executeScript("return sessionStorage.length;"));
        }
        screenshot("bad-token");
    }

    /** A plain agent token cannot manage tokens: the page refuses it at sign-in and says which tokens may. */
    @Test
    void aPlainAgentTokenIsRefusedAtSignIn() throws Exception {
        String plain = TestTokens.create(base, "paul", "customers:read", "customers:write");
        ChromeDriver browser = openSignedOut();
        browser.findElement(By.id("sign-in-token")).sendKeys(plain);
        browser.findElement(By.id("sign-in-button")).click();
        String message = messageContaining("Sign-in refused");
        assertTrue(message.contains("mcp-tokens") && message.contains("mcp-admin") && message.contains("mcp-auditor"),
                message);
        assertTrue(browser.findElement(By.id("sign-in")).isDisplayed());
        assertFalse(browser.findElement(By.id("workspace")).isDisplayed());
        assertEquals(0L, browser.executeScript("return sessionStorage.length;"), "the token left the browser");
        String help = browser.findElement(By.id("sign-in-help")).getText();
        assertTrue(help.contains("mcp-tokens") && help.contains("Other agent tokens are refused"), help);
        screenshot("plain-token-refused");
        // the API refuses it the same, whatever the page does
        assertEquals(403, apiStatus("/mcp-ee/api/tokens", plain));
    }

    /** A token that may only read the audit log gets the audit view and no token management. */
    @Test
    void anAuditorTokenSeesOnlyTheAuditLog() throws Exception {
        String auditor = TestTokens.create(base, "iris", "mcp-auditor");
        ChromeDriver browser = signedIn(auditor);
        visible(By.id("view-audit"));
        assertFalse(browser.findElement(By.id("tab-tokens")).isDisplayed());
        assertFalse(browser.findElement(By.id("view-tokens")).isDisplayed());
        assertEquals("Signed in as iris", browser.findElement(By.id("whoami")).getText());
        settled();
        // changes to credentials are in the log: the admin made this very token
        browser.findElement(By.id("audit-tool")).sendKeys("tokens.create");
        applyAuditFilter();
        WebElement made = auditRows().stream().filter(r -> cell(r, "td.user").equals("admin")).findFirst()
                .orElseThrow(() -> new AssertionError(browser.findElement(By.id("audit-body")).getText()));
        assertEquals("tokens.create", cell(made, "td.tool"));
        assertEquals("SUCCESS", cell(made, "td.outcome .badge"));
        assertEquals("201", cell(made, "td.status-code"));
        String details = openDetails(made).getText();
        assertTrue(details.contains("admin API") && details.contains("POST ") && details.contains("\"it iris\""),
                details);
        assertTrue(details.contains("mcp-auditor"), "what was asked: " + details);
        assertFalse(details.contains("mcp_"), "never a secret: " + details);
        screenshot("audit-token-change");
        browser.findElement(By.id("sign-out")).click();
        visible(By.id("sign-in-token"));
    }

    @Test
    void aUserWhoIsNoAdminSeesOnlyTheirOwnTokens() throws Exception {
        String nora = TestTokens.create(base, "nora", "mcp-tokens", "customers:read");
        TestTokens.create(base, "olga", "customers:read");
        ChromeDriver browser = openSignedOut();
        browser.findElement(By.id("sign-in-token")).sendKeys(nora);
        browser.findElement(By.id("sign-in-button")).click();
        visible(By.id("workspace"));
        waitForRow("it nora");
        assertEquals("Signed in as nora", browser.findElement(By.id("whoami")).getText());
        assertFalse(browser.findElement(By.id("create-owner")).isDisplayed(), "only admins name an owner");
        for (WebElement owner : browser.findElements(By.cssSelector("#tokens-body td.owner"))) {
            assertEquals("nora", owner.getText());
        }
        // what the API refuses is shown: nora cannot grant what she does not hold
        browser.findElement(By.id("create-name")).sendKeys("too-much");
        browser.findElement(By.id("create-permissions")).sendKeys("customers:delete");
        browser.findElement(By.id("create-button")).click();
        assertTrue(messageContaining("403").contains("customers:delete"));
        browser.findElement(By.id("sign-out")).click();
        visible(By.id("sign-in-token"));
    }

    @Test
    void anAdministratorManagesATokenThroughThePage() throws Exception {
        ChromeDriver browser = openSignedOut();
        browser.findElement(By.id("sign-in-token")).sendKeys(TestTokens.ADMIN);
        browser.findElement(By.id("sign-in-button")).click();
        visible(By.id("workspace"));
        waitForRow("bootstrap administrator");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), "(mcp-admin)"));
        assertEquals("Signed in as admin (mcp-admin)", browser.findElement(By.id("whoami")).getText());
        assertTrue(browser.findElement(By.id("create-owner")).isDisplayed(), "admins may name the owner");
        // the token is in sessionStorage, and nowhere else
        assertEquals(TestTokens.ADMIN, browser.executeScript("return sessionStorage.getItem('mcpee.admin.token');"));
        assertFalse(browser.getCurrentUrl().contains(TestTokens.ADMIN), browser.getCurrentUrl());
        assertTrue(browser.manage().getCookies().isEmpty(), browser.manage().getCookies().toString());
        assertEquals(0L, browser.executeScript("return localStorage.length;"));

        // an error from the API is shown, not swallowed
        browser.findElement(By.id("create-name")).sendKeys("page-failed");
        browser.findElement(By.id("create-groups")).sendKeys("no-such-group");
        browser.findElement(By.id("create-button")).click();
        assertTrue(messageContaining("unknown token groups").contains("400"));
        assertTrue(row("page-failed").isEmpty());
        browser.findElement(By.id("create-groups")).clear();
        browser.findElement(By.id("create-name")).clear();

        // create
        browser.findElement(By.id("create-name")).sendKeys("page-made");
        browser.findElement(By.id("create-permissions")).sendKeys("customers:read");
        assertTrue(browser.findElement(By.id("expiry-default")).isSelected());
        browser.executeScript("document.getElementById('create-form').scrollIntoView();");
        screenshot("create-form");
        browser.findElement(By.id("create-button")).click();
        String first = newSecretShown(null);
        messageContaining("Token \"page-made\" created.");
        assertTrue(browser.findElement(By.id("secret-box")).getText().contains("cannot be shown again"));
        browser.findElement(By.id("secret-copy")).click();
        waiting().until(d -> !d.findElement(By.id("secret-copy-status")).getText().isEmpty());
        WebElement made = waitForRow("page-made");
        assertEquals("active", made.findElement(By.cssSelector("td.status .badge")).getText());
        assertTrue(made.findElement(By.cssSelector("td.status .badge")).getAttribute("class")
                .contains("badge-active"));
        assertEquals("admin", made.findElement(By.cssSelector("td.owner")).getText());
        assertEquals(first.substring(0, 12) + "…", made.findElement(By.cssSelector("td.key")).getText());
        assertEquals("customers:read", made.findElement(By.cssSelector("td.permissions")).getText());
        assertNotEquals("never", made.findElements(By.cssSelector("td.when")).get(0).getText(),
                "a token made with the default expiry expires");
        screenshot("created");

        // the plaintext read from the page works
        assertEquals(200, apiStatus("/api/customers", first));

        // shown once: after "Done" it is nowhere in the page or the browser's storage
        browser.findElement(By.id("secret-dismiss")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("secret-box")));
        assertFalse(browser.getPageSource().contains(first));
        assertFalse(String.valueOf(browser.executeScript("return JSON.stringify(sessionStorage) + "
                + "JSON.stringify(localStorage) + document.cookie;")).contains(first));

        // deactivate
        clickInRow("page-made", "Deactivate");
        messageContaining("Token \"page-made\" deactivated.");
        waitForStatus("page-made", "inactive");
        assertEquals(401, apiStatus("/api/customers", first));

        // regenerate (it stays inactive until activated)
        clickInRow("page-made", "Regenerate");
        acceptConfirm("stops working");
        String second = newSecretShown(first);
        messageContaining("regenerated");
        waitForStatus("page-made", "inactive");
        assertEquals(second.substring(0, 12) + "…",
                waitForRow("page-made").findElement(By.cssSelector("td.key")).getText());
        screenshot("regenerated");
        assertEquals(401, apiStatus("/api/customers", first));
        assertEquals(401, apiStatus("/api/customers", second));

        // activate: the new value works, the old one never again
        clickInRow("page-made", "Activate");
        messageContaining("Token \"page-made\" activated.");
        waitForStatus("page-made", "active");
        assertEquals(200, apiStatus("/api/customers", second));
        assertEquals(401, apiStatus("/api/customers", first));

        // text from the API is text, never markup
        String markup = "<img src=x id=injected onerror=alert(1)>";
        JsonObject hostile = TestTokens.adminCall(base, "POST", "tokens",
                "{\"name\":\"" + markup.replace("\"", "\\\"") + "\",\"permissions\":[\"customers:read\"]}");
        browser.findElement(By.id("refresh")).click();
        waitForRow(markup);
        assertTrue(browser.findElements(By.id("injected")).isEmpty(), "markup from the API was rendered");
        TestTokens.adminCall(base, "DELETE", "tokens/" + hostile.getJsonObject("token").getJsonNumber("id"), null);

        // delete (after confirming)
        clickInRow("page-made", "Delete");
        acceptConfirm("cannot be undone");
        messageContaining("Token \"page-made\" deleted.");
        waiting().withMessage("the row of page-made to go").until(d -> row("page-made").isEmpty());
        assertFalse(browser.findElement(By.id("secret-box")).isDisplayed(),
                "the value of a deleted token is of no use");
        assertFalse(browser.getPageSource().contains(second));
        assertEquals(401, apiStatus("/api/customers", second));
        screenshot("deleted");

        // sign out: the token leaves the browser
        browser.findElement(By.id("sign-out")).click();
        visible(By.id("sign-in-token"));
        assertEquals(0L, browser.executeScript("return sessionStorage.length;"));
        assertTrue(browser.findElements(By.cssSelector("#tokens-body tr")).isEmpty());
    }

    @Test
    void anAdministratorReadsTheAuditLog() throws Exception {
        // what an agent did: one call it may make, one it may not
        String user = "audra" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String agent = TestTokens.create(base, user, "customers:read");
        String markup = "<img src=x id=injected-audit onerror=alert(1)>";
        McpSyncClient client = McpClients.connect(base, agent);
        try {
            assertFalse(McpClients.call(client, "list_customers", Map.of("q", markup, "limit", 3)).isError());
            McpSchema.CallToolResult denied = McpClients.call(client, "delete_customer", Map.of("id", 424242));
            assertTrue(denied.isError(), McpClients.text(denied));
        } finally {
            client.closeGracefully();
        }

        ChromeDriver browser = signedIn(TestTokens.ADMIN);
        waitForRow("bootstrap administrator");
        WebElement tokensTab = browser.findElement(By.id("tab-tokens"));
        WebElement auditTab = browser.findElement(By.id("tab-audit"));
        assertEquals("true", tokensTab.getAttribute("aria-selected"));
        assertEquals("false", auditTab.getAttribute("aria-selected"));
        assertEquals("view-audit", auditTab.getAttribute("aria-controls"));
        assertFalse(browser.findElement(By.id("view-audit")).isDisplayed());

        // the audit view: the newest entries, both calls among them
        auditTab.click();
        settled();
        assertEquals("true", auditTab.getAttribute("aria-selected"));
        assertEquals("false", tokensTab.getAttribute("aria-selected"));
        assertTrue(browser.findElement(By.id("view-audit")).isDisplayed());
        assertFalse(browser.findElement(By.id("view-tokens")).isDisplayed());
        List<WebElement> mine = waitForAuditRows(user, 2);
        WebElement deniedRow = mine.get(0);
        WebElement succeededRow = mine.get(1);
        assertEquals("delete_customer", cell(deniedRow, "td.tool"));
        assertEquals("DENIED", cell(deniedRow, "td.outcome .badge"));
        assertTrue(deniedRow.findElement(By.cssSelector("td.outcome .badge")).getAttribute("class")
                .contains("badge-denied"));
        assertEquals("403", cell(deniedRow, "td.status-code"));
        assertEquals("list_customers", cell(succeededRow, "td.tool"));
        assertEquals("SUCCESS", cell(succeededRow, "td.outcome .badge"));
        assertTrue(succeededRow.findElement(By.cssSelector("td.outcome .badge")).getAttribute("class")
                .contains("badge-success"));
        for (WebElement row : mine) {
            assertTrue(cell(row, "td.credential").contains("agent token"), cell(row, "td.credential"));
            assertTrue(cell(row, "td.credential").contains("it " + user), cell(row, "td.credential"));
            assertTrue(cell(row, "td.duration").matches("\\d+ ms"), cell(row, "td.duration"));
            assertFalse(cell(row, "td.client-ip").isBlank());
        }
        assertTrue(browser.findElement(By.id("unauthenticated-title")).isDisplayed());
        assertTrue(!browser.findElements(By.cssSelector("#unauthenticated-body tr")).isEmpty()
                || browser.findElement(By.id("unauthenticated-empty")).isDisplayed(),
                "the unauthenticated counts show rows or say there are none");
        screenshot("audit");

        // only the denied call
        browser.findElement(By.id("audit-user")).sendKeys(user);
        new Select(browser.findElement(By.id("audit-outcome"))).selectByValue("DENIED");
        applyAuditFilter();
        List<WebElement> rows = auditRows();
        assertEquals(1, rows.size(), browser.findElement(By.id("audit-body")).getText());
        assertEquals("delete_customer", cell(rows.get(0), "td.tool"));
        assertEquals("DENIED", cell(rows.get(0), "td.outcome .badge"));
        assertFalse(browser.findElement(By.id("audit-more")).isDisplayed());
        WebElement details = openDetails(rows.get(0));
        String arguments = details.findElement(By.cssSelector("pre.arguments")).getText();
        assertTrue(arguments.contains("\"id\": 424242"), arguments);
        assertTrue(details.getText().contains("this caller may not use the tool delete_customer"), details.getText());
        assertTrue(details.getText().contains("mcp-ee-it 1.0"), details.getText());
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", details);
        screenshot("audit-denied");

        // only the successful one; the agent's markup in its arguments is text
        new Select(browser.findElement(By.id("audit-outcome"))).selectByValue("SUCCESS");
        applyAuditFilter();
        rows = auditRows();
        assertEquals(1, rows.size(), browser.findElement(By.id("audit-body")).getText());
        assertEquals("list_customers", cell(rows.get(0), "td.tool"));
        arguments = openDetails(rows.get(0)).findElement(By.cssSelector("pre.arguments")).getText();
        assertTrue(arguments.contains(markup), arguments);
        assertTrue(browser.findElements(By.id("injected-audit")).isEmpty(), "markup from an agent was rendered");

        // one entry a page: "Older entries" brings the next, and goes when there is none
        new Select(browser.findElement(By.id("audit-outcome"))).selectByValue("");
        browser.findElement(By.id("audit-limit")).clear();
        browser.findElement(By.id("audit-limit")).sendKeys("1");
        applyAuditFilter();
        rows = auditRows();
        assertEquals(1, rows.size());
        assertEquals("delete_customer", cell(rows.get(0), "td.tool"));
        assertTrue(browser.findElement(By.id("audit-more")).isDisplayed());
        browser.findElement(By.id("audit-more")).click();
        settled();
        rows = auditRows();
        assertEquals(2, rows.size());
        assertEquals("list_customers", cell(rows.get(1), "td.tool"));
        assertFalse(browser.findElement(By.id("audit-more")).isDisplayed());
        assertEquals("2 entries shown.", browser.findElement(By.id("audit-count")).getText());

        // time bounds: nothing before 2000, both since
        browser.findElement(By.id("audit-limit")).clear();
        setValue("audit-from", "2000-01-02T00:00");
        setValue("audit-to", "2000-01-01T00:00");
        applyAuditFilter();
        assertTrue(messageContaining("later than").contains("From"));
        setValue("audit-from", "");
        applyAuditFilter();
        assertTrue(auditRows().isEmpty());
        assertEquals("No audit entries match.", visible(By.id("audit-empty")).getText());
        assertFalse(browser.findElement(By.id("audit-more")).isDisplayed());
        screenshot("audit-empty");
        setValue("audit-from", "2000-01-01T00:00");
        setValue("audit-to", "");
        applyAuditFilter();
        assertEquals(2, auditRows().size());
        assertFalse(browser.findElement(By.id("audit-empty")).isDisplayed());

        // the tabs by keyboard
        auditTab.sendKeys(Keys.ARROW_LEFT);
        assertEquals("true", tokensTab.getAttribute("aria-selected"));
        assertTrue(browser.findElement(By.id("view-tokens")).isDisplayed());
        assertEquals(tokensTab, browser.switchTo().activeElement());

        // sign out: the audit view is emptied too
        browser.findElement(By.id("sign-out")).click();
        visible(By.id("sign-in-token"));
        assertTrue(browser.findElements(By.cssSelector("#audit-body tr")).isEmpty());
        assertEquals("", browser.findElement(By.id("audit-user")).getAttribute("value"));
    }

    @Test
    void aTokenWithoutAuditRightsIsRefusedTheAuditLog() throws Exception {
        String nils = TestTokens.create(base, "nils", "mcp-tokens", "customers:read");
        ChromeDriver browser = signedIn(nils);
        waitForRow("it nils");
        browser.findElement(By.id("tab-audit")).click();
        String message = messageContaining("403");
        assertTrue(message.contains("mcp-auditor"), message);
        settled();
        // refused, not signed out
        assertTrue(browser.findElement(By.id("view-audit")).isDisplayed());
        assertTrue(browser.findElement(By.id("session")).isDisplayed());
        assertEquals(nils, browser.executeScript("return sessionStorage.getItem('mcpee.admin.token');"));
        assertTrue(auditRows().isEmpty());
        assertFalse(browser.findElement(By.id("audit-empty")).isDisplayed(), "refused is not \"nothing matches\"");
        screenshot("audit-forbidden");
        // an mcp-auditor token may read it
        String auditor = TestTokens.create(base, "ines", "mcp-auditor");
        assertEquals(200, apiStatus("/mcp-ee/api/audit?limit=1", auditor));
        assertEquals(403, apiStatus("/mcp-ee/api/audit?limit=1", nils));
        browser.findElement(By.id("sign-out")).click();
        visible(By.id("sign-in-token"));
    }
}
