package io.vectorless.query.web;

import io.vectorless.schema.store.StoreNames;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vectorless.schema.ContractFixturesTest.ContractSamples;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import static org.awaitility.Awaitility.await;
import io.vectorless.support.storage.CollectionsTouched;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.infra.EmbeddedInfraInitializer;
import io.vectorless.query.navigate.SampleTrees;
import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.schema.tree.TreeNode;
import io.vectorless.support.storage.ObjectStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import io.vectorless.query.storage.AnswerableDocuments;
import org.springframework.test.context.ContextConfiguration;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.vectorless.query.navigate.SampleTrees.node;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=query-service")
@ContextConfiguration(initializers = EmbeddedInfraInitializer.class)
class QueryServiceIT {
    private static final String NO_LLM = "(No LLM is configured: this answer is extracted from the best-matching sections.)";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AnswerableDocuments answerable;
    @Autowired
    ObjectStore objects;
    @Autowired
    KafkaTemplate<String, String> kafka;

    Http http;
    Seeder seed;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        seed = new Seeder(objects, answerable);
    }

    private static String chat(long workspaceId, String query) {
        return "{\"workspace_id\": " + workspaceId + ", \"query\": \"" + query + "\", \"username\": \"default\"}";
    }

    @Test
    void answersFromTheSectionHoldingTheFactAndCitesItWithoutAnLlm() {
        long ws = seed.workspace("Ops");
        long doc = seed.indexed(ws, SampleTrees.operationsGuide());

        Http.Response response = http.post("/api/chat/query", chat(ws, "How long is each backup retained?"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("answer", "node_ids", "reasoning", "context", "image_count", "images",
                "routed_docs", "routing_reasoning", "sources");
        assertThat(body.get("node_ids").get(0).asText()).isEqualTo("3.1");
        JsonNode source = body.get("sources").get(0);
        assertThat(source.get("doc_id").asLong()).isEqualTo(doc);
        assertThat(source.get("doc_title").asText()).isEqualTo("Platform Operations Guide");
        assertThat(source.get("node_id").asText()).isEqualTo("3.1");
        assertThat(source.get("title").asText()).isEqualTo("Backups");
        assertThat(source.get("pages").asText()).isEqualTo("9-10");
        assertThat(body.get("answer").asText())
                .startsWith("According to Section 3.1 (Backups, pages 9-10): ")
                .contains("retained for 35 days")
                .endsWith(NO_LLM);
        assertThat(body.get("context").asText()).startsWith("### Backups (Pages 9-10)\n\nBackups run nightly");
        assertThat(body.get("reasoning").asText()).contains("3.1").contains("backup");
        assertThat(body.get("routed_docs").get(0).get("doc_id").asLong()).isEqualTo(doc);
        assertThat(body.get("routed_docs").get(0).get("doc_title").asText()).isEqualTo("Platform Operations Guide");
        assertThat(body.get("image_count").asInt()).isZero();
    }

    @Test
    void richChatStreamsTheAnswerThenTheWholeResponseWhenAsked() {
        long ws = seed.workspace("Ops streamed");
        long doc = seed.indexed(ws, SampleTrees.operationsGuide());
        String request = """
                {"workspace_id": %d, "query": "How long is each backup retained?", "stream": true,
                 "history": [{"role": "user", "content": "Tell me about operations"},
                             {"role": "assistant", "content": "It covers backups and monitoring."}]}
                """.formatted(ws);

        List<String> events = http.events("/api/chat/query", request);

        assertThat(events).last().isEqualTo("[DONE]");
        List<JsonNode> payloads = events.subList(0, events.size() - 1).stream().map(Http::parse).toList();
        List<JsonNode> deltas = payloads.subList(0, payloads.size() - 1);
        JsonNode complete = payloads.get(payloads.size() - 1);
        assertThat(deltas).isNotEmpty().allSatisfy(d -> assertThat(d.has("delta")).isTrue());
        String streamed = deltas.stream().map(d -> d.get("delta").asText()).reduce("", String::concat);
        assertThat(complete.get("answer").asText()).isEqualTo(streamed).contains("retained for 35 days");
        assertThat(complete.get("node_ids").get(0).asText()).isEqualTo("3.1");
        assertThat(complete.get("routed_docs").get(0).get("doc_id").asLong()).isEqualTo(doc);
        assertThat(complete.get("context").asText()).startsWith("### Backups");
    }

    @Test
    void chineseAndGermanQuestionsFindTheirSectionsInAWorkspaceMixingLanguages() {
        long ws = seed.workspace("Languages");
        seed.indexed(ws, SampleTrees.operationsGuide());
        long chinese = seed.indexed(ws, node("root", "员工手册", "", 0, 1, 4, "",
                node("1", "差旅报销", "", 1, 1, 2, "出差的餐饮补贴为每天六十欧元，酒店需要发票。"),
                node("2", "数据备份", "", 1, 3, 4, "系统每天凌晨两点自动备份数据。备份保留三十五天，然后删除。")));
        long german = seed.indexed(ws, node("root", "Betriebshandbuch", "", 0, 1, 4, "",
                node("1", "Reisen", "", 1, 1, 2, "Die Reisekosten werden mit dem Formular abgerechnet, das im "
                        + "Intranet zu finden ist."),
                node("2", "Sicherungen", "", 1, 3, 4, "Die Sicherungen der Datenbanken laufen jede Nacht und "
                        + "werden für fünfunddreißig Tage aufbewahrt.")));

        JsonNode zh = http.post("/api/chat/query", chat(ws, "备份数据保留多少天？")).json();
        // "Datenbank" and "gesichert" meet "Datenbanken" and "Sicherungen" only through German stemming
        JsonNode de = http.post("/api/chat/query", chat(ws, "Wie lange wird die Datenbank gesichert?")).json();

        assertThat(zh.get("routed_docs").get(0).get("doc_id").asLong()).isEqualTo(chinese);
        assertThat(zh.get("sources").get(0).get("doc_id").asLong()).isEqualTo(chinese);
        assertThat(zh.get("sources").get(0).get("node_id").asText()).isEqualTo("2");
        assertThat(zh.get("answer").asText()).contains("备份保留三十五天");
        assertThat(de.get("routed_docs").get(0).get("doc_id").asLong()).isEqualTo(german);
        assertThat(de.get("sources").get(0).get("node_id").asText()).isEqualTo("2");
        assertThat(de.get("answer").asText()).contains("fünfunddreißig Tage");
    }

    @Test
    void routesAQuestionToTheDocumentThatAnswersIt() {
        long ws = seed.workspace("Company");
        seed.indexed(ws, SampleTrees.operationsGuide());
        seed.indexed(ws, SampleTrees.recipeBook());
        long travel = seed.indexed(ws, SampleTrees.travelPolicy());

        JsonNode body = http.post("/api/chat/query", chat(ws, "What is the per diem for meals?")).json();

        assertThat(body.get("routed_docs").get(0).get("doc_id").asLong()).isEqualTo(travel);
        assertThat(body.get("node_ids").get(0).asText()).isEqualTo("2");
        assertThat(body.get("answer").asText()).contains("60 euros").contains("Section 2 (Expenses, pages 3-4)");
        assertThat(body.get("routing_reasoning").asText()).contains("Employee Travel Policy");
    }

    @Test
    void returnsTheChosenSectionsImages() {
        long ws = seed.workspace("Figures");
        long docId = 1L << 40 | ws;
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        objects.ensureBucket();
        String key = ObjectKeys.image(ws, docId, 1, 7, 0, "png");
        objects.put(key, png, "image/png");
        TreeNode root = node("root", "Turbine Manual", "A manual.", 0, 1, 9, "",
                new TreeNode("1", "Blade Diagram", "The rotor blade.", 1, 7, 7,
                        "The rotor blade diagram shows the pitch bearing.", List.of(key), List.of()),
                node("2", "Maintenance", "Schedules.", 1, 8, 9, "Grease the bearings yearly."));
        long doc = seed.indexed(ws, root);
        assertThat(doc).isNotZero();

        JsonNode body = http.post("/api/chat/query", chat(ws, "Show the rotor blade diagram")).json();

        assertThat(body.get("node_ids").get(0).asText()).isEqualTo("1");
        assertThat(body.get("image_count").asInt()).isEqualTo(1);
        JsonNode image = body.get("images").get(0);
        assertThat(Base64.getDecoder().decode(image.get("data").asText())).isEqualTo(png);
        assertThat(image.get("media_type").asText()).isEqualTo("image/png");
        assertThat(image.get("caption").asText()).isEqualTo("Page 7 visual content");
        assertThat(image.get("node_id").asText()).isEqualTo("1");
    }

    @Test
    void keepsAnsweringFromTheIndexedVersionWhileAReplacementIsProcessed() {
        long ws = seed.workspace("Replacing");
        long doc = seed.document(ws, SampleTrees.operationsGuide(), "parsing", 2, 1);
        seed.artifact(ws, doc, 1, SampleTrees.operationsGuide());
        seed.artifact(ws, doc, 2, node("root", "Draft", "", 0, 1, 1, "",
                node("1", "Backups", "", 1, 1, 1, "Backups are retained for 7 days in the draft.")));

        JsonNode body = http.post("/api/chat/query", chat(ws, "How long is each backup retained?")).json();

        assertThat(body.get("answer").asText()).contains("35 days").doesNotContain("7 days");
    }

    @Test
    void saysNothingIsIndexedYetForAWorkspaceWithoutIndexedDocuments() {
        long ws = seed.workspace("Empty");
        seed.document(ws, SampleTrees.recipeBook(), "parsing", 1, 0);

        Http.Response response = http.post("/api/chat/query", chat(ws, "How do I feed the starter?"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("answer").asText()).contains("nothing indexed");
        assertThat(response.json().get("node_ids")).isEmpty();
    }

    @Test
    void badRequestsGetADetailNotA500() {
        long ws = seed.workspace("Bad input");

        assertThat(http.post("/api/chat/query", chat(ws, "   ")).status()).isEqualTo(400);
        assertThat(http.post("/api/chat/query", "{\"workspace_id\": " + ws + "}").json().get("detail").asText())
                .contains("query");
        assertThat(http.post("/api/chat/query", "{\"query\": \"x\"}").json().get("detail").asText())
                .contains("workspace_id");
        Http.Response malformed = http.post("/api/chat/query", "{\"workspace_id\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().has("detail")).isTrue();
        assertThat(http.post("/api/chat/query", "{\"workspace_id\": \"abc\", \"query\": \"x\"}").status())
                .isEqualTo(400);
    }

    @Test
    void rejectsRequestsWithoutTheApiKey() {
        assertThat(http.post("/api/chat/query", chat(1, "x"), null).status()).isEqualTo(401);
        assertThat(http.post("/api/chat/query", chat(1, "x"), "wrong-key").status()).isEqualTo(401);
        Http.Response openAi = http.post("/v1/chat/completions", "{}", null);
        assertThat(openAi.status()).isEqualTo(401);
        assertThat(openAi.json().get("error").get("code").asText()).isEqualTo("invalid_api_key");
    }

    @Test
    void chatCompletionAnswersInOpenAiShapeIgnoringExtraParameters() {
        long ws = seed.workspace("Ops chat");
        seed.indexed(ws, SampleTrees.operationsGuide());
        String request = """
                {"model": "pageindex-ws-%d", "temperature": 0.2, "top_p": 1, "n": 1, "user": "u", "seed": 7,
                 "presence_penalty": 0, "frequency_penalty": 0, "stop": null, "max_tokens": 500, "tools": [],
                 "messages": [{"role": "system", "content": "You are helpful."},
                              {"role": "user", "content": [{"type": "text", "text": "Which algorithm encrypts data at rest?"}]}]}
                """.formatted(ws);

        Http.Response response = http.post("/v1/chat/completions", request);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("id").asText()).startsWith("chatcmpl-");
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        assertThat(body.get("created").asLong()).isPositive();
        assertThat(body.get("model").asText()).isEqualTo("pageindex-ws-" + ws);
        JsonNode choice = body.get("choices").get(0);
        assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(choice.get("message").get("content").asText()).contains("Section 2.2").contains("AES-256");
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = body.get("usage");
        assertThat(usage.get("total_tokens").asInt())
                .isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt())
                .isPositive();
    }

    @Test
    void followUpQuestionIsResolvedFromTheConversation() {
        long ws = seed.workspace("Follow-up");
        seed.indexed(ws, SampleTrees.operationsGuide());
        String request = """
                {"model": "pageindex-ws-%d", "messages": [
                  {"role": "user", "content": "How long are backups retained?"},
                  {"role": "assistant", "content": "35 days."},
                  {"role": "user", "content": "In which region is it kept?"}]}
                """.formatted(ws);

        JsonNode body = http.post("/v1/chat/completions", request).json();

        assertThat(body.get("choices").get(0).get("message").get("content").asText())
                .contains("Section 3.1 (Backups").contains("second region");
    }

    @Test
    void streamsChunksWithOneIdRoleFirstStopLastUsageThenDone() {
        long ws = seed.workspace("Streaming");
        seed.indexed(ws, SampleTrees.operationsGuide());
        String request = """
                {"model": "pageindex-ws-%d", "stream": true, "stream_options": {"include_usage": true},
                 "messages": [{"role": "user", "content": "How long is each backup retained?"}]}
                """.formatted(ws);

        List<String> events = http.events("/v1/chat/completions", request);

        StreamAssertions.assertWellFormedStream(events, "pageindex-ws-" + ws, true);
        assertThat(StreamAssertions.content(events)).contains("Section 3.1").contains("35 days").contains(NO_LLM)
                .endsWith("Sources: [1] Platform Operations Guide, section 3.1 Backups, pages 9-10");
        JsonNode last = Http.parse(events.get(events.size() - 3));
        assertThat(last.get("choices").get(0).get("finish_reason").asText()).isEqualTo("stop");
        assertThat(last.get("sources").get(0).get("node_id").asText()).isEqualTo("3.1");
    }

    @Test
    void openAiErrorsUseTheOpenAiShape() {
        long ws = seed.workspace("Errors");
        String messages = "\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]";

        Http.Response malformed = http.post("/v1/chat/completions", "{\"model\": \"gpt-4o\", " + messages + "}");
        Http.Response noMessages = http.post("/v1/chat/completions", "{\"model\": \"pageindex-ws-" + ws + "\"}");
        Http.Response notJson = http.post("/v1/chat/completions", "{\"model\": ");
        Http.Response noModel = http.post("/v1/chat/completions", "{" + messages + "}");
        Http.Response badTemperature = http.post("/v1/chat/completions",
                "{\"model\": \"pageindex-ws-" + ws + "\", \"temperature\": \"hot\", " + messages + "}");

        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.json().get("error").get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(malformed.json().get("error").get("code").asText()).isEqualTo("model_not_found");
        assertThat(noMessages.status()).isEqualTo(400);
        assertThat(noMessages.json().get("error").get("message").asText()).contains("messages");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error").get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(noModel.status()).isEqualTo(400);
        assertThat(badTemperature.status()).isEqualTo(400);
        assertThat(badTemperature.json().get("error").get("message").asText()).contains("temperature");
    }

    @Test
    void chatUiTitleAndTagRequestsAreAnsweredBrieflyWithoutSearching() {
        long ws = seed.workspace("Chat UI tasks");
        seed.indexed(ws, SampleTrees.operationsGuide());
        String titlePrompt = "### Task:\nGenerate a concise, 3-5 word title with an emoji summarizing the chat history."
                + "\n### Output:\nJSON format: { \"title\": \"your concise title here\" }\n### Chat History:\n"
                + "<chat_history>\nUSER: How long is each backup retained?\nASSISTANT: 35 days.\n</chat_history>";
        String tagsPrompt = "### Task:\nGenerate 1-3 broad tags categorizing the main themes of the chat history."
                + "\n### Output:\nJSON format: { \"tags\": [\"tag1\", \"tag2\", \"tag3\"] }\n### Chat History:\n"
                + "<chat_history>\nUSER: How long is each backup retained?\n</chat_history>";

        JsonNode title = Http.parse(http.post("/v1/chat/completions", completion(ws, titlePrompt)).json()
                .get("choices").get(0).get("message").get("content").asText());
        JsonNode tags = Http.parse(http.post("/v1/chat/completions", completion(ws, tagsPrompt)).json()
                .get("choices").get(0).get("message").get("content").asText());

        assertThat(title.get("title").asText()).isEqualTo("How Long Is Each Backup");
        assertThat(tags.get("tags")).extracting(JsonNode::asText).contains("Backup");
    }

    @Test
    void unknownPathsAnswerInOpenAiShape() {
        Http.Response models = http.get("/v1/models"); // the gateway lists the models: it owns the workspaces
        Http.Response embeddings = http.post("/v1/embeddings", "{\"model\": \"x\", \"input\": \"hi\"}");
        Http.Response completions = http.post("/v1/completions", "{\"model\": \"x\", \"prompt\": \"hi\"}");

        for (Http.Response unknown : List.of(models, embeddings, completions)) {
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().get("error").get("type").asText()).isEqualTo("invalid_request_error");
            assertThat(unknown.json().get("error").get("code").asText()).isEqualTo("unknown_url");
        }
    }

    @Test
    void maxTokensCutsTheAnswerAndSaysLength() {
        long ws = seed.workspace("Short answers");
        seed.indexed(ws, SampleTrees.operationsGuide());
        String request = """
                {"model": "pageindex-ws-%d", "max_tokens": 5, %s
                 "messages": [{"role": "user", "content": "How long is each backup retained?"}]}
                """;

        JsonNode body = http.post("/v1/chat/completions", request.formatted(ws, "")).json();
        List<String> events = http.events("/v1/chat/completions", request.formatted(ws, "\"stream\": true,"));

        JsonNode choice = body.get("choices").get(0);
        assertThat(choice.get("finish_reason").asText()).isEqualTo("length");
        assertThat(choice.get("message").get("content").asText()).hasSizeLessThanOrEqualTo(20)
                .isEqualTo("According to Section 3.1".substring(0, 20));
        assertThat(body.get("usage").get("completion_tokens").asInt()).isLessThanOrEqualTo(5);
        assertThat(StreamAssertions.content(events)).isEqualTo("According to Section 3.1".substring(0, 20));
        JsonNode last = Http.parse(events.get(events.size() - 2));
        assertThat(last.get("choices").get(0).get("finish_reason").asText()).isEqualTo("length");
    }

    @Test
    void moreThanOneChoiceIsRefusedInOpenAiShape() {
        long ws = seed.workspace("One choice");
        String request = "{\"model\": \"pageindex-ws-" + ws + "\", \"n\": 2, "
                + "\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}";

        Http.Response response = http.post("/v1/chat/completions", request);

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().get("error");
        assertThat(error.get("param").asText()).isEqualTo("n");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("message").asText()).contains("'n' must be 1");
    }

    private static String completion(long ws, String prompt) {
        return "{\"model\": \"pageindex-ws-" + ws + "\", \"messages\": [{\"role\": \"user\", \"content\": "
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(prompt) + "}]}";
    }

    @Test
    void touchesNoCollectionOfTheGatewayAndWritesOnlyItsOwn() {
        long ws = seed.workspace("Read models");
        seed.indexed(ws, SampleTrees.operationsGuide());

        assertThat(http.post("/api/chat/query", chat(ws, "How long is each backup retained?")).status())
                .isEqualTo(200);

        assertThat(CollectionsSeen.TOUCHED.read()).contains(StoreNames.ANSWERABLE_DOCUMENTS)
                .doesNotContain(StoreNames.DOCUMENTS, StoreNames.WORKSPACES)
                .doesNotContain(StoreNames.NODES, StoreNames.SEARCH_INDEXES)
                .allMatch(name -> StoreNames.mayTouch(StoreNames.QUERY, name), "its own");
        assertThat(CollectionsSeen.TOUCHED.written()).contains(StoreNames.ANSWERABLE_DOCUMENTS)
                .allMatch(name -> StoreNames.mayWrite(StoreNames.QUERY, name), "its own");
    }

    @Test
    void aDocumentAnswersFromItsIndexedEventsAndStopsWithItsDeletion() throws Exception {
        long ws = seed.workspace("Fed by events");
        long doc = seed.workspace("a document id");
        seed.artifact(ws, doc, 1, SampleTrees.operationsGuide());
        seed.artifact(ws, doc, 2, node("root", "Ops v2", "", 0, 1, 1, "",
                node("1", "Backups", "", 1, 1, 1, "Backups are retained for 90 days since the last review.")));

        publish(Topics.DOCUMENT_STATUS, indexedFixture(doc, 1, ws, seed.key(ws, doc, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !answerable.cards(ws).isEmpty());
        assertThat(answerable.cards(ws).get(0).title()).isEqualTo("Research Paper Title");
        assertThat(http.post("/api/chat/query", chat(ws, "How long is each backup retained?")).json()
                .get("answer").asText()).contains("35 days");

        publish(Topics.DOCUMENT_STATUS, indexedFixture(doc, 2, ws, seed.key(ws, doc, 2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> answerable.cards(ws).get(0).version() == 2);
        assertThat(http.post("/api/chat/query", chat(ws, "How long is each backup retained?")).json()
                .get("answer").asText()).contains("90 days");

        publish(Topics.DOCUMENT_DELETED, fixture("document-deleted.json", doc, 2, ws));
        await().atMost(Duration.ofSeconds(30)).until(() -> answerable.cards(ws).isEmpty());
        assertThat(http.post("/api/chat/query", chat(ws, "How long is each backup retained?")).json()
                .get("answer").asText()).contains("nothing indexed");
    }

    @Test
    void aUsersTitleEditReachesCitationsAndOutlivesAReindexButNotADeletion() throws Exception {
        long ws = seed.workspace("Edited titles");
        long doc = seed.workspace("a document id");
        seed.artifact(ws, doc, 1, SampleTrees.operationsGuide());
        publish(Topics.DOCUMENT_STATUS, indexedFixture(doc, 1, ws, seed.key(ws, doc, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !answerable.cards(ws).isEmpty());

        publish(Topics.DOCUMENT_EDITED, editedFixture(doc, ws, "Ops handbook", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> answerable.cards(ws).get(0).title().equals("Ops handbook"));
        JsonNode answer = http.post("/api/chat/query", chat(ws, "How long is each backup retained?")).json();
        assertThat(answer.get("sources").get(0).get("doc_title").asText()).isEqualTo("Ops handbook");
        assertThat(answer.get("routed_docs").get(0).get("doc_title").asText()).isEqualTo("Ops handbook");

        // a reindex announces the pipeline's title again; an edit older than the one shown is old news
        String reindexed = indexedFixture(doc, 1, ws, seed.key(ws, doc, 1)).replace("This paper discusses...",
                "Reindexed summary");
        publish(Topics.DOCUMENT_EDITED, editedFixture(doc, ws, "An older title", Instant.now().minusSeconds(60)));
        publish(Topics.DOCUMENT_STATUS, reindexed);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> answerable.cards(ws).get(0).rootSummary().equals("Reindexed summary"));
        assertThat(answerable.cards(ws).get(0).title()).isEqualTo("Ops handbook");

        publish(Topics.DOCUMENT_DELETED, fixture("document-deleted.json", doc, 1, ws));
        publish(Topics.DOCUMENT_EDITED, editedFixture(doc, ws, "Edited after deletion", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> answerable.cards(ws).isEmpty());
        answerable.edited(doc, ws, "Edited after deletion", null, Instant.now().plusSeconds(1));
        assertThat(answerable.cards(ws)).isEmpty();
    }

    @Test
    void anEditBeforeTheFirstIndexedVersionIsShownOnceItAnswers() {
        long ws = seed.workspace("Edited early");
        long doc = seed.workspace("a document id");

        answerable.edited(doc, ws, "Named early", null, Instant.now());
        assertThat(answerable.cards(ws)).isEmpty();
        answerable.indexed(doc, ws, 1, "Pipeline title", "early.pdf", "", seed.artifact(ws, doc, 1,
                SampleTrees.operationsGuide()));

        assertThat(answerable.cards(ws)).singleElement()
                .satisfies(card -> assertThat(card.title()).isEqualTo("Named early"));
    }

    @Test
    void aVersionAnnouncedByAnOlderIndexerAnswersFromTheIndexUnderItsVersionKey() throws Exception {
        long ws = seed.workspace("Upgraded");
        long doc = seed.workspace("a document id");
        ObjectNode legacy = (ObjectNode) EventJson.mapper().readTree(
                fixture("document-status-changed.json", doc, 1, ws));
        ((ObjectNode) legacy.get("result")).remove("searchIndexKey");

        publish(Topics.DOCUMENT_STATUS, legacy.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> !answerable.cards(ws).isEmpty());
        // until the indexer has backfilled it, the version has no index to answer from
        assertThat(http.post("/api/chat/query", chat(ws, "How long is each backup retained?")).json()
                .get("answer").asText()).doesNotContain("35 days");

        seed.versionArtifact(ws, doc, 1, SampleTrees.operationsGuide());

        JsonNode answer = http.post("/api/chat/query", chat(ws, "How long is each backup retained?")).json();
        assertThat(answer.get("answer").asText()).contains("35 days");
        assertThat(answer.get("sources").get(0).get("doc_id").asLong()).isEqualTo(doc);
    }

    @Test
    void lateEventsNeverTakeAVersionBackNorBringADeletedDocumentBack() {
        long ws = seed.workspace("Late events");
        long doc = seed.workspace("a document id");

        answerable.indexed(doc, ws, 2, "Two", "two.pdf", "");
        answerable.indexed(doc, ws, 1, "One", "one.pdf", "");
        answerable.indexed(doc, ws, 2, "Two again", "two.pdf", "");
        assertThat(answerable.cards(ws)).singleElement()
                .satisfies(card -> assertThat(card.version()).isEqualTo(2))
                .satisfies(card -> assertThat(card.title()).isEqualTo("Two again"));

        answerable.deleted(doc, ws);
        answerable.indexed(doc, ws, 3, "Three", "three.pdf", "");
        assertThat(answerable.cards(ws)).isEmpty();
    }

    /** The indexer's {@code indexed} fixture with this test's ids, naming the search index object seeded. */
    private static String indexedFixture(long documentId, int version, long workspaceId, String key)
            throws Exception {
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(
                fixture("document-status-changed.json", documentId, version, workspaceId));
        ((ObjectNode) event.get("result")).put("searchIndexKey", key);
        return event.toString();
    }

    /** The gateway's edit fixture with this test's ids, title and time. */
    private static String editedFixture(long documentId, long workspaceId, String title, Instant at)
            throws Exception {
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(fixture("document-edited.json", documentId, 1,
                workspaceId));
        return event.put("docTitle", title).put("occurredAt", at.toString()).toString();
    }

    /** A contract fixture with this test's ids, as the indexer or the gateway would publish it. */
    private static String fixture(String name, long documentId, int version, long workspaceId) throws Exception {
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(ContractSamples.fixture(name));
        return event.put("eventId", UUID.randomUUID().toString()).put("documentId", documentId)
                .put("version", version).put("workspaceId", workspaceId).toString();
    }

    private void publish(String topic, String json) throws Exception {
        String type = EventJson.mapper().readTree(json).get("type").asText();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic,
                EventJson.mapper().readTree(json).get("documentId").asText(), json);
        record.headers().add(Topics.EVENT_TYPE_HEADER, type.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        kafka.send(record).get(30, TimeUnit.SECONDS);
    }

    /** Records the collection every MongoDB command of this service names. */
    @TestConfiguration
    static class CollectionsSeen {
        static final CollectionsTouched TOUCHED = new CollectionsTouched();

        @Bean
        MongoClientSettingsBuilderCustomizer recordCollections() {
            return settings -> settings.addCommandListener(TOUCHED);
        }
    }
}
