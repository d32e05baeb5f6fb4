package io.vectorless.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web console in a real browser (headless Chromium) against the whole stack, used the way a person would: key,
 * workspace, uploads, live status, the tree, a node, a question with its cited section, a corrupt file's reason.
 * Screenshots of every page land in target/screenshots. Skipped where Chromium or chromedriver is not installed
 * (Debian: {@code apt-get install chromium chromium-driver}); other paths through -Dchromium.binary and
 * -Dchromedriver.binary.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration INDEXING = Duration.ofSeconds(120);

    @TempDir
    static Path data;
    @TempDir
    static Path files;
    static LocalStack stack;
    static GatewayClient gateway;
    static WebDriver browser;
    static String workspaceName;
    static String drillsNodeId;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): the browser test of the console is skipped. Install them with "
                        + "'apt-get install chromium chromium-driver'.");
        Files.createDirectories(SCREENSHOTS);
        stack = LocalStack.start(LocalStack.Config.forTests(data, Map.of()));
        gateway = new GatewayClient(stack.gatewayUrl());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=en-US");
        // the page's console goes into a failure's message
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aBrowserAtTheServerIsSentToTheConsoleWhichAsksForTheKeyAndSaysWhenItIsWrong() {
        browser.get(stack.gatewayUrl() + "/");
        WebElement key = waitFor(By.cssSelector("[data-testid=key-input]"));
        assertThat(browser.getCurrentUrl()).contains("/ui/");
        assertThat(browser.switchTo().activeElement()).as("the key field has the focus").isEqualTo(key);
        audit("key page");

        key.sendKeys("not-the-key", Keys.ENTER);
        WebElement error = waitFor(By.cssSelector("[data-testid=key-error]"));
        assertThat(error.getText()).contains("not accepted").contains("Invalid API key");
        screenshot("01-key-wrong");

        key.clear();
        key.sendKeys(GatewayClient.KEY, Keys.ENTER);
        waitFor(By.cssSelector("[data-testid=workspace-name]"));
        assertThat(js("return sessionStorage.getItem('vectorless.apiKey')")).isEqualTo(GatewayClient.KEY);
        assertThat(js("return localStorage.length")).isEqualTo(0L);
    }

    @Test
    @Order(2)
    void createsAWorkspaceFromTheKeyboardAndListsIt() {
        workspaceName = "Operations " + System.nanoTime() % 10_000;
        WebElement name = waitFor(By.cssSelector("[data-testid=workspace-name]"));
        name.sendKeys(workspaceName, Keys.ENTER);

        WebElement link = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                browser.findElements(By.cssSelector("[data-testid=workspace-link]")).stream()
                        .filter(a -> a.getText().equals(workspaceName)).findFirst().orElse(null), a -> a != null);
        assertThat(link.getAttribute("href")).matches(".*#/workspaces/\\d+");
        assertThat(tabOrder(List.of("workspace-name", "workspace-create", "workspace-link")))
                .as("keyboard focus reaches the name, then create, then the workspaces")
                .containsExactly("workspace-name", "workspace-create", "workspace-link");
        audit("workspaces");
        screenshot("02-workspaces");
        link.click();
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(
                By.cssSelector("[data-testid=upload-input]")).isEmpty());
    }

    @Test
    @Order(3)
    void uploadsSeveralFilesAndWatchesThemReachTheirFinalStatusWithoutReloading() throws IOException {
        Path markdown = write("handbook.md", SampleDocuments.markdownHandbook());
        Path pdf = write("mission.pdf", SampleDocuments.pdfWithOutline());
        Path corrupt = write("broken.pdf", SampleDocuments.corruptPdf());
        js("window.__samePage = true");
        assertThat(tabOrder(List.of("upload-input", "quick-index"))).as("the file chooser is reachable by keyboard")
                .containsExactly("upload-input", "quick-index");
        browser.findElement(By.cssSelector("label.switch")).click();
        assertThat(browser.findElement(By.cssSelector("[data-testid=quick-index]")).isSelected()).isTrue();

        browser.findElement(By.cssSelector("[data-testid=upload-input]"))
                .sendKeys(markdown + "\n" + pdf + "\n" + corrupt);

        untilPage("all three uploads are listed", () -> statuses().size() == 3);
        screenshot("03-workspace-uploading");
        untilPage("all three documents reach a final status", () -> statuses().values().stream()
                .allMatch(s -> s.equals("indexed") || s.equals("failed")));
        Map<String, String> statuses = statuses();
        assertThat(statuses).containsEntry("handbook.md", "indexed").containsEntry("mission.pdf", "indexed")
                .containsEntry("broken.pdf", "failed");
        assertThat(js("return window.__samePage === true")).as("updated in place, by the status stream")
                .isEqualTo(true);

        WebElement failedRow = row("broken.pdf");
        long failedId = Long.parseLong(failedRow.getAttribute("data-document-id"));
        String reason = gateway.document(failedId).path("error").asText();
        assertThat(reason).isNotBlank();
        assertThat(failedRow.findElement(By.cssSelector("[data-testid=document-error]")).getText()).isEqualTo(reason);
        long markdownId = Long.parseLong(row("handbook.md").getAttribute("data-document-id"));
        assertThat(gateway.document(markdownId).path("quick_index").asBoolean()).isTrue();
        audit("workspace");
        screenshot("04-workspace-indexed");
    }

    @Test
    @Order(4)
    void opensTheTreeAndANodeWithItsText() {
        WebElement row = row("handbook.md");
        long id = Long.parseLong(row.getAttribute("data-document-id"));
        JsonNode tree = gateway.get("/api/documents/" + id + "/tree").body();
        drillsNodeId = PipelineEndToEndTest.nodeTitled(tree, "Restore Drills").path("node_id").asText();
        row.findElement(By.cssSelector("[data-testid=document-link]")).click();

        WebElement treeView = waitFor(By.cssSelector("[data-testid=tree]"));
        List<String> shown = treeView.findElements(By.cssSelector("[data-testid=tree-node]")).stream()
                .map(n -> n.getAttribute("data-node-id")).toList();
        assertThat(shown).containsExactlyElementsOf(PipelineEndToEndTest.flatten(tree).stream().skip(1)
                .map(n -> n.path("node_id").asText()).toList());
        WebElement drills = treeView.findElement(By.cssSelector("[data-testid=tree-node][data-node-id='"
                + drillsNodeId + "']"));
        assertThat(drills.getText()).contains("Restore Drills");
        // by keyboard: down the tree with the arrow keys, Enter opens the section
        js("document.querySelector('[data-testid=tree-node]').focus()");
        for (int i = 0; i < shown.size() && !browser.switchTo().activeElement().equals(drills); i++) {
            browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        }
        assertThat(browser.switchTo().activeElement()).isEqualTo(drills);
        drills.sendKeys(Keys.ENTER);

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            WebElement text = browser.findElement(By.cssSelector("[data-testid=node-text]"));
            return drillsNodeId.equals(text.getAttribute("data-node-id")) && text.getText().contains("four hours");
        });
        assertThat(browser.getCurrentUrl()).endsWith("?node=" + drillsNodeId);
        audit("document");
        screenshot("05-document-node");
    }

    @Test
    @Order(5)
    void asksAQuestionAndTheAnswerCitesTheSectionThatHoldsIt() {
        browser.findElement(By.cssSelector("a.btn[href*='/chat']")).click();
        WebElement input = waitFor(By.cssSelector("[data-testid=chat-input]"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(input);
        input.sendKeys("How long may the quarterly restore drill take?", Keys.ENTER);

        WebElement citation = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                browser.findElement(By.cssSelector("[data-testid=chat-citation]")), c -> c != null);
        assertThat(browser.findElement(By.cssSelector("[data-testid=chat-answer]")).getText()).contains("four hours");
        assertThat(citation.getAttribute("data-node-id")).isEqualTo(drillsNodeId);
        browser.findElement(By.cssSelector(".reasoning summary")).click();
        assertThat(browser.findElement(By.cssSelector(".reasoning .context")).getText()).contains("Restore Drills");
        audit("chat");
        screenshot("06-chat");

        citation.click();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> drillsNodeId.equals(
                browser.findElement(By.cssSelector("[data-testid=node-text]")).getAttribute("data-node-id")));
        browser.navigate().back();
        WebElement answer = waitFor(By.cssSelector("[data-testid=chat-answer]"));
        assertThat(answer.getText()).as("the conversation is kept while the page is open").contains("four hours");
    }

    @Test
    @Order(6)
    void aCorruptFileShowsItsReasonOnItsOwnPage() {
        browser.findElement(By.cssSelector("[data-testid=tab-documents]")).click();
        WebElement row = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> row("broken.pdf"),
                r -> r != null);
        row.findElement(By.cssSelector("[data-testid=document-link]")).click();

        WebElement reason = waitFor(By.cssSelector(".doc-head [data-testid=document-error]"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*#/documents/(\\d+).*", "$1"));
        assertThat(reason.getText()).contains(gateway.document(id).path("error").asText());
        waitFor(By.cssSelector("[data-testid=no-tree]"));
        audit("failed document");
        screenshot("07-document-failed");
    }

    @Test
    @Order(7)
    void swaggerUiShowsTheApiWithItsTitleAndVersion() {
        browser.get(stack.gatewayUrl() + "/swagger-ui");
        // Swagger UI's script is large: on a busy machine it takes a while to parse and draw the whole API
        WebElement title = await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() ->
                visible(browser.findElement(By.cssSelector(".information-container .title"))), e -> e != null);
        assertThat(title.getText()).contains("Vectorless RAG Backend").contains("1.1.0");
        assertThat(browser.findElements(By.cssSelector(".opblock"))).isNotEmpty();
        screenshot("08-swagger-ui");
    }

    @Test
    @Order(8)
    void aRefusedUploadSaysWhyAndCanBeTriedAgain() throws IOException {
        browser.get(stack.gatewayUrl() + "/ui/");
        WebElement link = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                browser.findElements(By.cssSelector("[data-testid=workspace-link]")).stream()
                        .filter(a -> a.getText().equals(workspaceName)).findFirst().orElse(null), a -> a != null);
        link.click();
        Path empty = write("empty.md", new byte[0]);
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(
                By.cssSelector("[data-testid=upload-input]")).isEmpty());
        browser.findElement(By.cssSelector("[data-testid=upload-input]")).sendKeys(empty.toString());

        WebElement retry = waitFor(By.cssSelector("[data-testid=upload-retry]"));
        WebElement item = browser.findElement(By.cssSelector("[data-testid=upload-item].failed"));
        assertThat(item.getText()).contains("empty.md").contains("The uploaded file is empty");
        retry.click();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            List<WebElement> items = browser.findElements(By.cssSelector("[data-testid=upload-item]"));
            return items.size() == 1 && !items.get(0).equals(item) && items.get(0).getText().contains("is empty");
        });
        assertThat(statuses()).as("nothing refused is listed").doesNotContainKey("empty.md");
    }

    // --- helpers

    /**
     * The status each row shows, by the file name the row mentions (its title once parsed, with the file name). Read
     * in one script, so a row the status stream redraws meanwhile cannot make the reading fail.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> statuses() {
        List<List<String>> rows = (List<List<String>>) js("return [...document.querySelectorAll("
                + "'[data-testid=document-row]')].map(r => [r.textContent, r.dataset.status])");
        Map<String, String> out = new java.util.TreeMap<>();
        for (List<String> row : rows) {
            for (String file : List.of("handbook.md", "mission.pdf", "broken.pdf")) {
                if (row.get(0).contains(file)) {
                    out.put(file, row.get(1));
                }
            }
        }
        return out;
    }

    /** Waits for the page to show {@code what}; if it never does, the failure says what the page and server showed. */
    private static void untilPage(String what, java.util.concurrent.Callable<Boolean> shown) {
        try {
            await().atMost(INDEXING).ignoreExceptions().until(shown);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the page never showed that " + what + " within " + INDEXING + "\n"
                    + pageState(), e);
        }
    }

    /** What the page and the gateway show now, for a failure message. */
    @SuppressWarnings("unchecked")
    private static String pageState() {
        StringBuilder out = new StringBuilder();
        String url = "";
        try {
            url = browser.getCurrentUrl();
            out.append("page: ").append(url).append('\n');
            out.append("upload queue: ").append(js("return [...document.querySelectorAll("
                    + "'[data-testid=upload-item]')].map(i => i.textContent)")).append('\n');
            out.append("rows: ").append(js("return [...document.querySelectorAll("
                    + "'[data-testid=document-row]')].map(r => r.dataset.status + ' ' + r.textContent)")).append('\n');
            browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).forEach(entry ->
                    out.append("console: ").append(entry.getLevel()).append(' ').append(entry.getMessage())
                            .append('\n'));
        } catch (RuntimeException browserStuck) {
            out.append("the browser did not answer: ").append(browserStuck.getMessage()).append('\n');
        }
        if (url.matches(".*#/workspaces/\\d+.*")) {
            String workspace = url.replaceAll(".*#/workspaces/(\\d+).*", "$1");
            out.append("gateway: ").append(gateway.get("/api/documents?workspace_id=" + workspace).raw());
        }
        return out.toString();
    }

    private static WebElement row(String fileName) {
        return browser.findElements(By.cssSelector("[data-testid=document-row]")).stream()
                .filter(r -> r.getText().contains(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + fileName));
    }

    /** Presses Tab from the page's heading (where the console puts focus on arrival) and notes the hooks reached. */
    private static List<String> tabOrder(List<String> hooks) {
        js("document.querySelector('main h1').focus()");
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 40 && reached.size() < hooks.size(); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            String hook = browser.switchTo().activeElement().getAttribute("data-testid");
            if (hook != null && hooks.contains(hook) && !reached.contains(hook)) {
                reached.add(hook);
            }
        }
        return reached;
    }

    @SuppressWarnings("unchecked")
    private static void audit(String page) {
        List<String> problems = (List<String>) js(resource("/console-audit.js"));
        assertThat(problems).as("accessibility of the " + page + " page").isEmpty();
    }

    private static WebElement waitFor(By locator) {
        try {
            return await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> visible(browser.findElement(locator)), e -> e != null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the page never showed " + locator + "\n" + pageState(), e);
        }
    }

    private static WebElement visible(WebElement element) {
        return element.isDisplayed() ? element : null;
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void screenshot(String name) {
        try {
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String name, byte[] content) throws IOException {
        return Files.write(files.resolve(name), content).toAbsolutePath();
    }

    private static String resource(String name) {
        try (InputStream in = ConsoleBrowserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
