package io.vectorless.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The official OpenAI JavaScript SDK (npm package {@code openai}) as a real client of the gateway's /v1 endpoints:
 * list models, a plain and a streaming completion, an unknown model answered with a 4xx. Needs Node.js and npm;
 * on a machine without them the test is skipped and says so.
 */
class OpenAiSdkCompatibilityTest {
    private static final Path SCRIPT = Path.of("src/test/js/openai-sdk-check.mjs").toAbsolutePath();
    private static final Path SDK_DIR = Path.of("target/openai-sdk").toAbsolutePath();

    @TempDir
    static Path data;
    static LocalStack stack;

    @BeforeAll
    static void startStack() {
        assumeThat(commandWorks("node", "--version")).as("Node.js is not installed: OpenAI SDK check skipped").isTrue();
        assumeThat(commandWorks("npm", "--version")).as("npm is not installed: OpenAI SDK check skipped").isTrue();
        stack = LocalStack.start(LocalStack.Config.forTests(data, Map.of()));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void officialOpenAiSdkListsModelsAndCompletesPlainAndStreaming() throws Exception {
        installSdk();
        GatewayClient gateway = new GatewayClient(stack.gatewayUrl());
        long workspace = gateway.createWorkspace("SDK workspace");
        long document = gateway.upload(workspace, "handbook.md", SampleDocuments.markdownHandbook(), true).body().path("id").asLong();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> gateway.document(document).path("status").asText().equals("indexed"));

        Files.copy(SCRIPT, SDK_DIR.resolve("openai-sdk-check.mjs"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder check = new ProcessBuilder("node", "openai-sdk-check.mjs").directory(SDK_DIR.toFile())
                .redirectErrorStream(true);
        check.environment().putAll(Map.of("BASE_URL", stack.gatewayUrl() + "/v1", "API_KEY", GatewayClient.KEY,
                "MODEL", "pageindex-ws-" + workspace, "QUESTION", "When are nightly backups taken?"));
        Process process = check.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("SDK check did not finish: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static void installSdk() throws IOException, InterruptedException {
        if (Files.isDirectory(SDK_DIR.resolve("node_modules/openai"))) {
            return;
        }
        Files.createDirectories(SDK_DIR);
        Files.writeString(SDK_DIR.resolve("package.json"),
                "{\"name\":\"openai-sdk-check\",\"private\":true,\"type\":\"module\",\"dependencies\":{\"openai\":\"^6\"}}");
        Process install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(SDK_DIR.toFile()).redirectErrorStream(true).start();
        boolean finished = install.waitFor(300, TimeUnit.SECONDS);
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished && install.exitValue() == 0).as("npm install openai failed: " + output).isTrue();
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
