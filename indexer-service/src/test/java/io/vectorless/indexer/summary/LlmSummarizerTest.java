package io.vectorless.indexer.summary;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vectorless.indexer.tree.BuiltTree;
import io.vectorless.indexer.tree.TreeBuilder;
import io.vectorless.indexer.tree.TreeOptions;
import io.vectorless.infra.llm.Reply;
import io.vectorless.infra.llm.ScriptedLlmServer;
import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.StructureSource;
import io.vectorless.schema.tree.TreeNode;
import io.vectorless.core.llm.LlmClient;
import io.vectorless.support.llm.LlmProperties;
import io.vectorless.support.llm.OpenAiCompatibleLlmClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.vectorless.indexer.tree.Docs.find;
import static io.vectorless.indexer.tree.Docs.h;
import static io.vectorless.indexer.tree.Docs.pdf;
import static io.vectorless.indexer.tree.Docs.t;
import static io.vectorless.indexer.tree.Docs.words;
import static org.assertj.core.api.Assertions.assertThat;

class LlmSummarizerTest {
    private static final Pattern SECTION_ID = Pattern.compile("### \\[([^\\]]+)\\]");
    private static ScriptedLlmServer server;

    private final TreeBuilder builder = new TreeBuilder(TreeOptions.defaults());
    private LlmClient client;

    @BeforeAll
    static void startServer() {
        server = ScriptedLlmServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void freshClient() {
        server.reset();
        server.respondWith(LlmSummarizerTest::answerEverySection);
        client = new OpenAiCompatibleLlmClient(new LlmProperties(server.baseUrl(), "test-key", "stub-model", null,
                false, Duration.ofSeconds(5), 3, Duration.ofMillis(10), 4, 50, Duration.ofSeconds(30), 0.2), null);
    }

    static Reply answerEverySection(ScriptedLlmServer.Call call) {
        if (call.purposeHint().startsWith("You write the overview")) {
            return Reply.content("An overview of the whole document.");
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        Matcher matcher = SECTION_ID.matcher(call.userText());
        while (matcher.find()) {
            answer.put(matcher.group(1), "LLM summary of " + matcher.group(1) + ".");
        }
        return Reply.content(answer.toString());
    }

    private SummaryOutcome summarize(BuiltTree tree, List<int[]> progress) {
        return new LlmSummarizer(client, SummaryOptions.defaults())
                .summarize(tree, (done, total) -> progress.add(new int[]{done, total}));
    }

    @Test
    void summarizesAHundredPageBookWithAtMostAQuarterCallPerPage() {
        List<Block> blocks = new ArrayList<>();
        for (int chapter = 0; chapter < 10; chapter++) {
            int first = chapter * 10 + 1;
            blocks.add(h(1, "Chapter " + (chapter + 1), first));
            int[] starts = {first, first + 3, first + 6, first + 10};
            for (int section = 0; section < 3; section++) {
                blocks.add(h(2, "Section " + (section + 1), starts[section]));
                for (int page = starts[section]; page < starts[section + 1]; page++) {
                    blocks.add(t(words(2_500), page));
                }
            }
        }
        BuiltTree tree = builder.build(pdf(100, StructureSource.OUTLINE, blocks.toArray(Block[]::new)));
        List<int[]> progress = new ArrayList<>();

        SummaryOutcome outcome = summarize(tree, progress);

        double callsPerPage = server.callCount() / 100.0;
        System.out.printf("outline book: %d nodes, %d LLM calls, %.2f calls/page%n", tree.nodeCount(),
                server.callCount(), callsPerPage);
        assertThat(callsPerPage).isLessThanOrEqualTo(0.25);
        assertThat(outcome.llmCalls()).isEqualTo(server.callCount());
        assertThat(outcome.warnings()).isEmpty();
        for (TreeNode node : outcome.tree().nodes()) {
            String expected = node.nodeId().equals(TreeNode.ROOT_ID) ? "An overview of the whole document."
                    : "LLM summary of " + node.nodeId() + ".";
            assertThat(node.summary()).isEqualTo(expected);
        }
        assertThat(progress.get(progress.size() - 1)).containsExactly(41, 41);
    }

    @Test
    void summarizesAHundredPageScanOfPageNodesWithAtMostAQuarterCallPerPage() {
        Block[] pages = new Block[100];
        for (int page = 1; page <= 100; page++) {
            pages[page - 1] = t(words(2_500), page);
        }
        BuiltTree tree = builder.build(pdf(100, StructureSource.PAGES, pages));

        SummaryOutcome outcome = summarize(tree, new ArrayList<>());

        System.out.printf("page-per-node pdf: %d nodes, %d LLM calls, %.2f calls/page%n", tree.nodeCount(),
                server.callCount(), server.callCount() / 100.0);
        assertThat(server.callCount()).isLessThanOrEqualTo(25);
        assertThat(outcome.tree().nodes()).allMatch(node -> node.summary().startsWith("LLM summary of")
                || node.nodeId().equals(TreeNode.ROOT_ID));
    }

    @Test
    void summarizesChildrenBeforeTheirParentsAndShowsParentsTheChildSummaries() {
        BuiltTree tree = builder.build(pdf(2, StructureSource.OUTLINE,
                h(1, "Guide", 1), t("Opening words.", 1), h(2, "Install", 1), t("apt install it", 1, 2)));

        summarize(tree, new ArrayList<>());

        List<ScriptedLlmServer.Call> calls = server.calls();
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0).userText()).contains("### [1.1] Install").doesNotContain("### [1] Guide");
        assertThat(calls.get(1).userText()).contains("### [1] Guide")
                .contains("- [1.1] Install: LLM summary of 1.1.").contains("Opening words.");
        assertThat(calls.get(2).userText()).contains("Guide (1-2): LLM summary of 1.");
        assertThat(calls.get(0).body().path("response_format").path("type").asText()).isEqualTo("json_object");
    }

    @Test
    void readsAnswersInCodeFencesWithProseAround() {
        BuiltTree tree = builder.build(pdf(1, StructureSource.OUTLINE, h(1, "Only", 1), t("Some text.", 1)));
        server.enqueue(Reply.content("Here you go!\n```json\n{\"1\": \"Fenced summary.\"}\n```\nAnything else?"),
                Reply.content("```\nFenced overview.\n```"));

        SummaryOutcome outcome = summarize(tree, new ArrayList<>());

        assertThat(find(outcome.tree().root(), "1").summary()).isEqualTo("Fenced summary.");
        assertThat(outcome.tree().rootSummary()).isEqualTo("Fenced overview.");
        assertThat(outcome.llmCalls()).isEqualTo(2);
    }

    @Test
    void asksOnceMoreForMissingIdsThenKeepsQuickSummariesForWhatIsStillMissing() {
        BuiltTree tree = builder.build(pdf(1, StructureSource.OUTLINE,
                h(1, "A", 1), t("Alpha text here.", 1), h(1, "B", 1), t("Beta text here.", 1)));
        server.enqueue(Reply.content("{\"1\": \"About alpha.\", \"2\": "), Reply.content("this is not json"));

        SummaryOutcome outcome = summarize(tree, new ArrayList<>());

        assertThat(find(outcome.tree().root(), "1").summary()).isEqualTo("About alpha.");
        assertThat(find(outcome.tree().root(), "2").summary()).isEqualTo("Beta text here.");
        assertThat(server.calls().get(1).userText()).contains("### [2] B").doesNotContain("### [1] A");
        assertThat(outcome.llmCalls()).isEqualTo(3);
        assertThat(outcome.quickFallbacks()).isEqualTo(1);
        assertThat(outcome.warnings()).singleElement().asString().contains("1 of 3");
    }

    @Test
    void retriesARateLimitedCallAndUsesTheAnswerThatFollows() {
        BuiltTree tree = builder.build(pdf(1, StructureSource.OUTLINE, h(1, "Only", 1), t("Some text.", 1)));
        server.enqueue(Reply.status(429));

        SummaryOutcome outcome = summarize(tree, new ArrayList<>());

        assertThat(find(outcome.tree().root(), "1").summary()).isEqualTo("LLM summary of 1.");
        assertThat(server.callCount()).isEqualTo(3);
        assertThat(outcome.llmCalls()).isEqualTo(2);
        assertThat(outcome.warnings()).isEmpty();
    }

    @Test
    void fallsBackToQuickSummariesForEverythingLeftWhenTheLlmIsDown() {
        server.respondWith(call -> Reply.status(503));
        BuiltTree tree = builder.build(pdf(3, StructureSource.OUTLINE,
                h(1, "A", 1), t("Alpha text here.", 1), h(2, "A1", 2), t("Deeper.", 2), h(1, "B", 3),
                t("Beta text here.", 3)));
        List<int[]> progress = new ArrayList<>();

        SummaryOutcome outcome = summarize(tree, progress);

        assertThat(outcome.tree().nodes()).extracting(TreeNode::summary)
                .containsExactlyElementsOf(tree.nodes().stream().map(TreeNode::summary).toList());
        assertThat(outcome.llmCalls()).isEqualTo(1);
        assertThat(server.callCount()).isEqualTo(3);
        assertThat(outcome.warnings()).singleElement().asString().startsWith("LLM summaries stopped");
        assertThat(progress.get(progress.size() - 1)).containsExactly(4, 4);
    }
}
