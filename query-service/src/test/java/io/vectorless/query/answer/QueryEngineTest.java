package io.vectorless.query.answer;

import io.vectorless.query.navigate.DocumentCard;
import io.vectorless.query.navigate.SampleTrees;
import io.vectorless.schema.tree.TreeNode;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.core.llm.ChatRequest;
import io.vectorless.core.llm.ChatResult;
import io.vectorless.core.llm.DisabledLlmClient;
import io.vectorless.core.llm.LlmClient;
import io.vectorless.core.llm.LlmException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's own decisions, with documents in memory and an LLM that answers from a function. */
class QueryEngineTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final QueryEngine.Settings settings = new QueryEngine.Settings(3, 5, 20, 24_000, 4, 16_000, 6, 5);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Trees by document id, indexed in memory the way the indexer does; every image key reads as the same bytes. */
    record Memory(Map<Long, TreeNode> trees, Map<Long, DocumentSearchIndex> indexes) implements QuerySource {
        Memory(Map<Long, TreeNode> trees) {
            this(trees, new java.util.concurrent.ConcurrentHashMap<>());
        }

        @Override
        public List<DocumentCard> answerableDocuments(long workspaceId) {
            List<DocumentCard> cards = new ArrayList<>();
            trees.forEach((id, root) -> cards.add(new DocumentCard(id, 1, root.title(), root.summary(),
                    root.flatten().stream().map(TreeNode::title).toList())));
            cards.sort(java.util.Comparator.comparingLong(DocumentCard::docId));
            return cards;
        }

        @Override
        public Optional<DocumentSearchIndex> index(DocumentCard card) {
            TreeNode root = trees.get(card.docId());
            return root == null ? Optional.empty() : Optional.of(indexes.computeIfAbsent(card.docId(),
                    id -> SampleTrees.doc(id, root).index()));
        }

        @Override
        public Optional<byte[]> image(String key) {
            return Optional.of(new byte[]{1, 2, 3});
        }
    }

    /** Answers every call with the function's text; records the requests. */
    static final class FunctionLlm implements LlmClient {
        final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
        final Function<ChatRequest, String> reply;
        final boolean vision;
        final boolean breakStream;

        FunctionLlm(Function<ChatRequest, String> reply, boolean vision, boolean breakStream) {
            this.reply = reply;
            this.vision = vision;
            this.breakStream = breakStream;
        }

        public boolean enabled() {
            return true;
        }

        public boolean vision() {
            return vision;
        }

        public ChatResult chat(ChatRequest request) {
            requests.add(request);
            return new ChatResult(reply.apply(request), "m", 10, 5);
        }

        public ChatResult stream(ChatRequest request, Consumer<String> onDelta) {
            requests.add(request);
            onDelta.accept("Partial ");
            if (breakStream) {
                throw new LlmException("the LLM stream broke off", 0, false, null);
            }
            onDelta.accept("answer.");
            return new ChatResult("Partial answer.", "m", 10, 5);
        }
    }

    private static String byPurpose(ChatRequest request) {
        return switch (request.purpose()) {
            case "tree_search" -> "{\"node_ids\": [\"4\"]}";
            case "routing" -> "{\"doc_ids\": [1]}";
            default -> "Answer.";
        };
    }

    private static TreeNode withImages() {
        return new TreeNode("root", "Atlas", "Maps.", 0, 1, 3, "", List.of(), List.of(
                new TreeNode("4", "Coastline Map", "A map.", 1, 2, 2, "The coastline map.",
                        List.of("ws/1/doc/1/v1/images/p2-0.png"), List.of())));
    }

    @Test
    void sendsTheChosenSectionsImagesToAVisionModel() {
        FunctionLlm llm = new FunctionLlm(QueryEngineTest::byPurpose, true, false);
        QueryEngine engine = new QueryEngine(new Memory(Map.of(1L, withImages())), llm, settings, pool);

        QueryAnswer answer = engine.answer(new QueryRequest(1, "Show the coastline", List.of()), null);

        assertThat(answer.images()).hasSize(1);
        ChatRequest answerCall = llm.requests.get(llm.requests.size() - 1);
        assertThat(answerCall.purpose()).isEqualTo("answer");
        assertThat(answerCall.messages().get(1).images()).containsExactly("data:image/png;base64,AQID");
    }

    @Test
    void keepsImagesOutOfTheAnswerCallForATextModel() {
        FunctionLlm llm = new FunctionLlm(QueryEngineTest::byPurpose, false, false);
        QueryEngine engine = new QueryEngine(new Memory(Map.of(1L, withImages())), llm, settings, pool);

        QueryAnswer answer = engine.answer(new QueryRequest(1, "Show the coastline", List.of()), null);

        assertThat(answer.images()).hasSize(1);
        assertThat(llm.requests.get(llm.requests.size() - 1).messages().get(1).images()).isEmpty();
    }

    @Test
    void streamThatBreaksOffIsReportedAsInterruptedNotSwappedForAnotherAnswer() {
        FunctionLlm llm = new FunctionLlm(QueryEngineTest::byPurpose, false, true);
        QueryEngine engine = new QueryEngine(new Memory(Map.of(1L, withImages())), llm, settings, pool);
        StringBuilder streamed = new StringBuilder();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.answer(
                        new QueryRequest(1, "Show the coastline", List.of()), streamed::append))
                .isInstanceOf(AnswerInterruptedException.class).hasMessageContaining("broke off");
        assertThat(streamed.toString()).isEqualTo("Partial ");
    }

    @Test
    void routingPromptStaysBoundedForHundredsOfDocuments() {
        Map<Long, TreeNode> trees = new HashMap<>();
        for (long id = 1; id <= 300; id++) {
            trees.put(id, SampleTrees.node("root", "Report " + id, "Quarterly report number " + id + ".", 0, 1, 1,
                    "", SampleTrees.node("1", "Summary", "", 1, 1, 1, "Numbers.")));
        }
        trees.put(301L, SampleTrees.travelPolicy());
        FunctionLlm llm = new FunctionLlm(r -> r.purpose().equals("routing") ? "{\"doc_ids\": [301]}"
                : r.purpose().equals("tree_search") ? "{\"node_ids\": [\"2\"]}" : "Answer.", false, false);
        QueryEngine engine = new QueryEngine(new Memory(trees), llm, settings, pool);

        QueryAnswer answer = engine.answer(new QueryRequest(1, "What is the per diem for travel?", List.of()), null);

        String routingPrompt = llm.requests.get(0).messages().get(1).content();
        assertThat(routingPrompt.lines().filter(l -> l.startsWith("- id "))).hasSize(20);
        assertThat(routingPrompt).contains("- id 301: Employee Travel Policy");
        assertThat(answer.routedDocs()).extracting(QueryAnswer.RoutedDoc::docId).containsExactly(301L);
        assertThat(answer.llmCalls()).isEqualTo(3);
    }

    @Test
    void withoutAnLlmAnswersExtractivelyAndSaysSo() {
        QueryEngine engine = new QueryEngine(new Memory(Map.of(1L, SampleTrees.operationsGuide())),
                new DisabledLlmClient(), settings, pool);

        QueryAnswer answer = engine.answer(new QueryRequest(1, "Who do alerts page?", List.of()), null);

        assertThat(answer.mode()).isEqualTo(QueryAnswer.Mode.LEXICAL);
        assertThat(answer.llmCalls()).isZero();
        assertThat(answer.nodeIds()).first().isEqualTo("3.2");
        assertThat(answer.answer()).endsWith("(No LLM is configured: this answer is extracted from the best-matching sections.)");
    }
}
