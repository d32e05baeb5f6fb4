package io.vectorless.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.infra.EmbeddedInfraInitializer;
import io.vectorless.infra.llm.Reply;
import io.vectorless.infra.llm.ScriptedLlmServer;
import io.vectorless.query.navigate.SampleTrees;
import io.vectorless.schema.tree.TreeNode;
import io.vectorless.core.llm.LlmClient;
import io.vectorless.support.llm.OpenAiCompatibleLlmClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import io.vectorless.query.storage.AnswerableDocuments;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The LLM path against the scripted OpenAI-compatible stub: calls per question, defensive parsing, fallbacks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=query-service",
        "vectorless.llm.max-attempts=3",
        "vectorless.llm.retry-backoff=5ms",
        "vectorless.llm.timeout=20s"})
@ContextConfiguration(initializers = EmbeddedInfraInitializer.class)
class QueryServiceLlmIT {
    static final ScriptedLlmServer LLM = ScriptedLlmServer.start();
    static final String ROUTING = "You route questions";
    static final String SEARCH = "You search a document's table of contents";
    static final String ANSWER = "You answer questions";

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("vectorless.llm.base-url", LLM::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    io.vectorless.support.storage.ObjectStore objects;
    @Autowired
    AnswerableDocuments answerable;
    @Autowired
    LlmClient llmClient;

    Http http;
    Seeder seed;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        seed = new Seeder(objects, answerable);
        LLM.reset();
        circuitBreaker().reset();
    }

    @AfterEach
    void closeCircuit() {
        circuitBreaker().reset();
    }

    private io.github.resilience4j.circuitbreaker.CircuitBreaker circuitBreaker() {
        return ((OpenAiCompatibleLlmClient) llmClient).circuitBreaker();
    }

    /** Answers each kind of call by its system prompt; tree searches by the document named in the prompt. */
    static Function<ScriptedLlmServer.Call, Reply> script(String routing, Map<String, String> searchByTitle,
                                                          String answer) {
        return call -> {
            String purpose = call.purposeHint();
            if (purpose.startsWith(ROUTING)) {
                return Reply.content(routing);
            }
            if (purpose.startsWith(SEARCH)) {
                for (Map.Entry<String, String> e : searchByTitle.entrySet()) {
                    if (call.userText().contains("Document: " + e.getKey() + "\n")) {
                        return Reply.content(e.getValue());
                    }
                }
                return Reply.content("{\"node_ids\": []}");
            }
            return Reply.content(answer);
        };
    }

    private static String chat(long workspaceId, String query) {
        return "{\"workspace_id\": " + workspaceId + ", \"query\": \"" + query + "\", \"username\": \"default\"}";
    }

    private static long count(String purpose) {
        return LLM.calls().stream().filter(c -> c.purposeHint().startsWith(purpose)).count();
    }

    @Test
    void routesAcrossDocumentsSearchesEachAndAnswersInAtMostNPlusTwoCalls() {
        long ws = seed.workspace("Company LLM");
        long ops = seed.indexed(ws, SampleTrees.operationsGuide());
        seed.indexed(ws, SampleTrees.recipeBook());
        long travel = seed.indexed(ws, SampleTrees.travelPolicy());
        LLM.respondWith(script(
                "{\"doc_ids\": [" + travel + ", " + ops + ", 424242], \"reasoning\": \"Travel costs and backups.\"}",
                Map.of("Employee Travel Policy", "{\"node_ids\": [\"2\"], \"reasoning\": \"Per diem is under Expenses.\"}",
                        "Platform Operations Guide", "```json\n{\"node_ids\": [\"3.1\", \"9.9\"], \"reasoning\": \"Backups.\"}\n```"),
                "According to Section 2 (Expenses, pages 3-4), the per diem is 60 euros."));

        JsonNode body = http.post("/api/chat/query", chat(ws, "What is the per diem, and are backups kept?")).json();

        assertThat(LLM.callCount()).isEqualTo(4).isLessThanOrEqualTo(2 + 2);
        assertThat(count(ROUTING)).isEqualTo(1);
        assertThat(count(SEARCH)).isEqualTo(2);
        assertThat(count(ANSWER)).isEqualTo(1);
        assertThat(body.get("answer").asText()).isEqualTo("According to Section 2 (Expenses, pages 3-4), the per diem is 60 euros.");
        assertThat(body.get("node_ids")).extracting(JsonNode::asText).containsExactly("2", "3.1");
        assertThat(body.get("routed_docs")).extracting(d -> d.get("doc_id").asLong()).containsExactly(travel, ops);
        assertThat(body.get("routing_reasoning").asText()).isEqualTo("Travel costs and backups.");
        assertThat(body.get("reasoning").asText()).contains("Per diem is under Expenses.").contains("Backups.");
        assertThat(body.get("context").asText()).contains("### Expenses — Employee Travel Policy (Pages 3-4)")
                .contains("### Backups — Platform Operations Guide (Pages 9-10)");

        ScriptedLlmServer.Call routing = LLM.calls().stream().filter(c -> c.purposeHint().startsWith(ROUTING)).findFirst().orElseThrow();
        assertThat(routing.userText()).contains("- id " + travel + ": Employee Travel Policy").contains("Bread Baking Handbook");
        ScriptedLlmServer.Call answer = LLM.calls().stream().filter(c -> c.purposeHint().startsWith(ANSWER)).findFirst().orElseThrow();
        assertThat(answer.userText()).contains("Section 2 (Expenses, pages 3-4)").contains("The per diem for meals is 60 euros.");
    }

    @Test
    void singleDocumentSkipsRoutingAndDropsInventedNodeIds() {
        long ws = seed.workspace("One doc");
        seed.indexed(ws, SampleTrees.operationsGuide());
        LLM.respondWith(script("unused", Map.of("Platform Operations Guide",
                        "Sure. {\"node_ids\": [\"7.7\", \"2.2\"], \"reasoning\": \"Encryption lives in 2.2.\"} Done."),
                "Section 2.2 says AES-256."));

        JsonNode body = http.post("/api/chat/query", chat(ws, "Which cipher is used?")).json();

        assertThat(LLM.callCount()).isEqualTo(2);
        assertThat(count(ROUTING)).isZero();
        assertThat(body.get("node_ids")).extracting(JsonNode::asText).containsExactly("2.2");
        ScriptedLlmServer.Call search = LLM.calls().get(0);
        assertThat(search.userText()).contains("[2.2] Security Architecture (pages 5-8)");
        assertThat(search.body().path("response_format").path("type").asText()).isEqualTo("json_object");
    }

    @Test
    void unreadableTreeSearchReplyIsReaskedOnce() {
        long ws = seed.workspace("Reask");
        seed.indexed(ws, SampleTrees.operationsGuide());
        AtomicInteger searches = new AtomicInteger();
        Function<ScriptedLlmServer.Call, Reply> base = script("unused", Map.of(), "Backups are kept 35 days.");
        LLM.respondWith(call -> call.purposeHint().startsWith(SEARCH)
                ? Reply.content(searches.incrementAndGet() == 1 ? "The answer is in the backups section, {node_ids: [3.1"
                : "{\"node_ids\": [\"3.1\"], \"reasoning\": \"Backups.\"}")
                : base.apply(call));

        JsonNode body = http.post("/api/chat/query", chat(ws, "How long are backups kept?")).json();

        assertThat(count(SEARCH)).isEqualTo(2);
        assertThat(LLM.callCount()).isEqualTo(3);
        assertThat(LLM.calls().get(1).userText()).contains("could not be read").contains("Valid ids are: root, 1, 2");
        assertThat(body.get("node_ids")).extracting(JsonNode::asText).containsExactly("3.1");
        assertThat(body.get("answer").asText()).isEqualTo("Backups are kept 35 days.");
    }

    @Test
    void replyUnreadableTwiceFallsBackToTheLexicalChoiceForThatDocument() {
        long ws = seed.workspace("Reask twice");
        seed.indexed(ws, SampleTrees.operationsGuide());
        Function<ScriptedLlmServer.Call, Reply> base = script("unused", Map.of(), "Backups are kept 35 days.");
        LLM.respondWith(call -> call.purposeHint().startsWith(SEARCH) ? Reply.content("no idea") : base.apply(call));

        JsonNode body = http.post("/api/chat/query", chat(ws, "How long is each backup retained?")).json();

        assertThat(count(SEARCH)).isEqualTo(2);
        assertThat(body.get("node_ids").get(0).asText()).isEqualTo("3.1");
        assertThat(body.get("reasoning").asText()).contains("named no valid section");
        assertThat(body.get("answer").asText()).isEqualTo("Backups are kept 35 days.");
    }

    @Test
    void rateLimitedCallIsRetriedAndSucceeds() {
        long ws = seed.workspace("429");
        seed.indexed(ws, SampleTrees.operationsGuide());
        LLM.enqueue(Reply.status(429, "{\"error\": {\"message\": \"slow down\"}}"));
        LLM.respondWith(script("unused", Map.of("Platform Operations Guide", "{\"node_ids\": [\"3.2\"]}"),
                "Alerts page the on-call engineer (Section 3.2)."));

        JsonNode body = http.post("/api/chat/query", chat(ws, "Who gets paged?")).json();

        assertThat(LLM.callCount()).isEqualTo(3);
        assertThat(body.get("node_ids")).extracting(JsonNode::asText).containsExactly("3.2");
        assertThat(body.get("answer").asText()).isEqualTo("Alerts page the on-call engineer (Section 3.2).");
    }

    @Test
    void openCircuitFallsBackToTheLexicalNavigatorAndSaysSo() {
        long ws = seed.workspace("Circuit open");
        seed.indexed(ws, SampleTrees.operationsGuide());
        circuitBreaker().transitionToForcedOpenState();

        JsonNode body = http.post("/api/chat/query", chat(ws, "How long is each backup retained?")).json();

        assertThat(LLM.callCount()).isZero();
        assertThat(body.get("node_ids").get(0).asText()).isEqualTo("3.1");
        assertThat(body.get("answer").asText()).startsWith("According to Section 3.1 (Backups, pages 9-10)")
                .contains("35 days")
                .contains("(The LLM could not be used (the LLM circuit breaker is open")
                .endsWith("this answer is extracted from the best-matching sections.)");
    }

    @Test
    void failingLlmFallsBackToTheLexicalNavigatorAndSaysSo() {
        long ws = seed.workspace("LLM down");
        seed.indexed(ws, SampleTrees.operationsGuide());
        LLM.respondWith(call -> Reply.status(500, "upstream exploded"));

        JsonNode body = http.post("/api/chat/query", chat(ws, "Which algorithm encrypts data at rest?")).json();

        assertThat(LLM.callCount()).isEqualTo(3);
        assertThat(body.get("node_ids").get(0).asText()).isEqualTo("2.2");
        assertThat(body.get("answer").asText()).contains("AES-256").contains("The LLM could not be used")
                .contains("500");
    }

    @Test
    void streamsTheLlmAnswerThroughChatCompletions() {
        long ws = seed.workspace("Stream LLM");
        seed.indexed(ws, SampleTrees.operationsGuide());
        String answer = "According to Section 3.1 (Backups, pages 9-10), each backup is retained for 35 days.";
        LLM.respondWith(script("unused", Map.of("Platform Operations Guide", "{\"node_ids\": [\"3.1\"]}"), answer));
        String request = """
                {"model": "pageindex-ws-%d", "stream": true, "stream_options": {"include_usage": true},
                 "temperature": 0.7,
                 "messages": [{"role": "user", "content": "How long are backups retained?"},
                              {"role": "assistant", "content": "Which backups?"},
                              {"role": "user", "content": "The nightly ones. How long are they retained?"}]}
                """.formatted(ws);

        List<String> events = http.events("/v1/chat/completions", request);

        StreamAssertions.assertWellFormedStream(events, "pageindex-ws-" + ws, true);
        assertThat(StreamAssertions.content(events))
                .isEqualTo(answer + "\n\nSources: [1] Platform Operations Guide, section 3.1 Backups, pages 9-10");
        assertThat(LLM.callCount()).isEqualTo(2);
        ScriptedLlmServer.Call answerCall = LLM.calls().get(1);
        assertThat(answerCall.streamed()).isTrue();
        assertThat(answerCall.body().get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(answerCall.userText()).contains("User: How long are backups retained?")
                .contains("Assistant: Which backups?").endsWith("Question: The nightly ones. How long are they retained?");
        assertThat(LLM.calls().get(0).userText()).contains("User: How long are backups retained?");
        JsonNode usage = Http.parse(events.get(events.size() - 2)).get("usage");
        assertThat(usage.get("prompt_tokens").asInt()).isGreaterThan(100);
    }

    /** Prints the figures the operations notes quote: calls and tokens per question against the documents' size. */
    @Test
    void callsAndTokensPerQuestionStayBoundedForLongDocuments() {
        int[] figures = new int[6];
        long ws1 = seed.workspace("Figures one");
        TreeNode manual = SampleTrees.book("Turbine Manual", 12, 8, 1200);
        seed.indexed(ws1, manual);
        LLM.respondWith(script("unused", Map.of("Turbine Manual", "{\"node_ids\": [\"7.3.2\"]}"), "See Topic 7.3.2."));

        JsonNode one = http.post("/v1/chat/completions", completion(ws1, "How does topic 7.3.2 work?")).json();

        figures[0] = LLM.callCount();
        figures[1] = one.get("usage").get("prompt_tokens").asInt();
        figures[2] = SampleTrees.tokens(manual);
        assertThat(figures[0]).isEqualTo(2);
        assertThat(figures[1]).isLessThan(figures[2] / 4);

        LLM.reset();
        long ws3 = seed.workspace("Figures three");
        List<TreeNode> books = List.of(manual, SampleTrees.book("Pump Handbook", 12, 8, 1200),
                SampleTrees.book("Valve Guide", 12, 8, 1200));
        StringBuilder ids = new StringBuilder();
        for (TreeNode book : books) {
            ids.append(ids.isEmpty() ? "" : ", ").append(seed.indexed(ws3, book));
        }
        LLM.respondWith(script("{\"doc_ids\": [" + ids + "], \"reasoning\": \"all three\"}",
                Map.of("Turbine Manual", "{\"node_ids\": [\"7.3.2\"]}", "Pump Handbook", "{\"node_ids\": [\"2.1\"]}",
                        "Valve Guide", "{\"node_ids\": [\"9\"]}"), "See the three sections."));

        JsonNode three = http.post("/v1/chat/completions", completion(ws3, "Compare topic 7.3.2 across the books")).json();

        figures[3] = LLM.callCount();
        figures[4] = three.get("usage").get("prompt_tokens").asInt();
        figures[5] = books.stream().mapToInt(SampleTrees::tokens).sum();
        assertThat(figures[3]).isEqualTo(3 + 2);
        assertThat(figures[4]).isLessThan(figures[5] / 4);
        System.out.printf("FIGURES 1 doc: %d LLM calls, %d prompt tokens sent, document %d tokens%n",
                figures[0], figures[1], figures[2]);
        System.out.printf("FIGURES 3 docs (all routed): %d LLM calls, %d prompt tokens sent, documents %d tokens%n",
                figures[3], figures[4], figures[5]);
    }

    private static String completion(long ws, String question) {
        return "{\"model\": \"pageindex-ws-" + ws + "\", \"messages\": [{\"role\": \"user\", \"content\": \""
                + question + "\"}]}";
    }

    @Test
    void answerThatBreaksOffMidStreamEndsWithAnErrorEvent() {
        long ws = seed.workspace("Broken stream");
        seed.indexed(ws, SampleTrees.operationsGuide());
        LLM.respondWith(call -> call.purposeHint().startsWith(SEARCH) ? Reply.content("{\"node_ids\": [\"3.1\"]}")
                : Reply.raw(200, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Backups are \"}}]}\n\n"
                + "data: {not json\n\n"));
        String request = """
                {"model": "pageindex-ws-%d", "stream": true,
                 "messages": [{"role": "user", "content": "How long are backups retained?"}]}
                """.formatted(ws);

        List<String> events = http.events("/v1/chat/completions", request);

        assertThat(StreamAssertions.content(events.subList(0, events.size() - 1))).isEqualTo("Backups are ");
        JsonNode error = Http.parse(events.get(events.size() - 1)).get("error");
        assertThat(error.get("type").asText()).isEqualTo("server_error");
        assertThat(error.get("message").asText()).startsWith("The answer failed after it had started");
        assertThat(events).doesNotContain("[DONE]");
    }
}
