package io.vectorless.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.infra.llm.Reply;
import io.vectorless.infra.llm.ScriptedLlmServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system with an LLM: every service pointed at a scripted OpenAI-compatible server. Summaries are written
 * by the LLM at indexing time, questions are answered by tree search and an answer call, and the official OpenAI
 * JavaScript SDK (npm {@code openai}) talks to the gateway's /v1 endpoints as a chat UI would. The SDK check needs
 * Node.js and npm; without them it is skipped and says so.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LlmPipelineEndToEndTest {
    private static final Pattern IDS = Pattern.compile("these ids: (.+)$", Pattern.MULTILINE);
    private static final Pattern DRILLS = Pattern.compile("\\[([0-9.]+)] Restore Drills");
    private static final Path SCRIPT = Path.of("src/test/js/openai-sdk-check.mjs").toAbsolutePath();
    private static final Path SDK_DIR = Path.of("target/openai-sdk").toAbsolutePath();

    @TempDir
    static Path data;
    static ScriptedLlmServer llm;
    static LocalStack stack;
    static GatewayClient gateway;
    static long workspace;
    static long document;

    @BeforeAll
    static void startStackWithAnLlm() {
        llm = ScriptedLlmServer.start();
        llm.respondWith(LlmPipelineEndToEndTest::script);
        stack = LocalStack.start(LocalStack.Config.forTests(data, Map.of(
                "vectorless.llm.base-url", llm.baseUrl(),
                "vectorless.llm.model", "scripted-model",
                "vectorless.llm.retry-backoff", "10ms")));
        gateway = new GatewayClient(stack.gatewayUrl());
        workspace = gateway.createWorkspace("With an LLM");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (llm != null) {
            llm.close();
        }
    }

    /** Answers each kind of call the way a model following our prompts would. */
    private static Reply script(ScriptedLlmServer.Call call) {
        String system = call.purposeHint();
        String user = call.userText();
        if (system.startsWith("You summarize sections")) {
            Matcher ids = IDS.matcher(user);
            StringBuilder json = new StringBuilder("```json\n{");
            if (ids.find()) {
                String[] list = ids.group(1).split(",\\s*");
                for (int i = 0; i < list.length; i++) {
                    String id = list[i].trim().replace("\"", "");
                    json.append(i == 0 ? "" : ",").append('"').append(id).append("\":\"LLM summary of section ")
                            .append(id).append('"');
                }
            }
            return Reply.content(json.append("}\n```").toString());
        }
        if (system.startsWith("You write the overview")) {
            return Reply.content("LLM overview: an operations handbook on security, backups and incidents.");
        }
        if (system.startsWith("You search a document's table of contents")) {
            Matcher drills = DRILLS.matcher(user);
            String id = drills.find() ? drills.group(1) : "1";
            return Reply.content("Here you go: {\"node_ids\": [\"" + id + "\", \"99.99\"], \"reasoning\": \"Restore drills are timed.\"}");
        }
        if (system.startsWith("You answer questions")) {
            return Reply.content("According to the Restore Drills section, the drill must finish within four hours.");
        }
        return Reply.content("{}");
    }

    @Test
    @Order(1)
    void summariesAreWrittenByTheLlmWhenQuickIndexIsOff() {
        document = gateway.upload(workspace, "handbook.md", SampleDocuments.markdownHandbook(), false).body().path("id").asLong();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                List.of("indexed", "failed").contains(gateway.document(document).path("status").asText()));
        JsonNode indexed = gateway.document(document);
        assertThat(indexed.path("status").asText()).as(indexed.toString()).isEqualTo("indexed");
        assertThat(indexed.path("root_summary").asText()).startsWith("LLM overview");

        JsonNode tree = gateway.get("/api/documents/" + document + "/tree").body();
        JsonNode drills = PipelineEndToEndTest.nodeTitled(tree, "Restore Drills");
        assertThat(drills.path("summary").asText()).isEqualTo("LLM summary of section " + drills.path("node_id").asText());
        long summaryCalls = llm.calls().stream().filter(c -> c.purposeHint().startsWith("You summarize")).count();
        assertThat(summaryCalls).as("small sections are summarized together").isLessThanOrEqualTo(3);
    }

    @Test
    @Order(2)
    void aQuestionIsAnsweredByTreeSearchAndOneAnswerCall() {
        llm.reset();
        llm.respondWith(LlmPipelineEndToEndTest::script);
        JsonNode tree = gateway.get("/api/documents/" + document + "/tree").body();
        String drills = PipelineEndToEndTest.nodeTitled(tree, "Restore Drills").path("node_id").asText();

        JsonNode answer = gateway.post("/api/chat/query", Map.of("workspace_id", workspace,
                "query", "How long may the quarterly restore drill take?", "username", "default")).body();

        assertThat(answer.path("answer").asText()).contains("within four hours");
        assertThat(answer.path("node_ids")).extracting(JsonNode::asText).containsExactly(drills);
        assertThat(answer.path("reasoning").asText()).contains("Restore drills are timed");
        assertThat(answer.path("context").asText()).contains("Restore Drills");
        assertThat(llm.callCount()).as("one-document workspace: tree search + answer, no routing").isEqualTo(2);
    }

    @Test
    @Order(3)
    void officialOpenAiSdkListsModelsAndCompletesPlainAndStreaming() throws Exception {
        assumeThat(commandWorks("node", "--version")).as("Node.js is not installed: OpenAI SDK check skipped").isTrue();
        assumeThat(commandWorks("npm", "--version")).as("npm is not installed: OpenAI SDK check skipped").isTrue();
        installSdk();
        Files.copy(SCRIPT, SDK_DIR.resolve("openai-sdk-check.mjs"), StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder check = new ProcessBuilder("node", "openai-sdk-check.mjs").directory(SDK_DIR.toFile())
                .redirectErrorStream(true);
        check.environment().putAll(Map.of("BASE_URL", stack.gatewayUrl() + "/v1", "API_KEY", GatewayClient.KEY,
                "MODEL", "pageindex-ws-" + workspace, "QUESTION", "How long may the restore drill take?"));
        Process process = check.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("SDK check did not finish: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("PASS models.list").doesNotContain("FAIL");
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
