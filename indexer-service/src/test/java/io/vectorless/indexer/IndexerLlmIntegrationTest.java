package io.vectorless.indexer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vectorless.indexer.storage.NodeStore;
import io.vectorless.infra.EmbeddedInfraInitializer;
import io.vectorless.infra.TestInfrastructure;
import io.vectorless.infra.llm.Reply;
import io.vectorless.infra.llm.ScriptedLlmServer;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentEvent;
import io.vectorless.schema.event.DocumentParsed;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.schema.event.IndexResult;
import io.vectorless.schema.event.Topics;
import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.schema.store.StoredNode;
import io.vectorless.support.messaging.EventPublisher;
import io.vectorless.support.storage.ObjectStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The indexer with an LLM configured (the scripted stub). Its own parsed topic keeps it apart from other tests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.config.name=indexer-service",
        "vectorless.kafka.topics.parsed=document.parsed.llm-test",
        "vectorless.llm.retry-backoff=10ms"})
@ContextConfiguration(initializers = EmbeddedInfraInitializer.class)
class IndexerLlmIntegrationTest {
    private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000));
    private static final Pattern SECTION_ID = Pattern.compile("### \\[([^\\]]+)\\]");
    private static final long WORKSPACE = 78;
    private static final ScriptedLlmServer LLM = ScriptedLlmServer.start();

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("vectorless.llm.base-url", LLM::baseUrl);
    }

    @AfterAll
    static void stopLlm() {
        LLM.close();
    }

    @Autowired
    ObjectStore objects;
    @Autowired
    EventPublisher publisher;
    @Autowired
    NodeStore nodes;

    private KafkaConsumer<String, String> statusConsumer;
    private final List<DocumentStatusChanged> statuses = new ArrayList<>();

    @BeforeEach
    void subscribeToStatuses() {
        LLM.reset();
        statusConsumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "indexer-llm-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        statusConsumer.subscribe(List.of(Topics.DOCUMENT_STATUS));
    }

    @AfterEach
    void closeConsumer() {
        statusConsumer.close();
    }

    @Test
    void writesLlmSummariesAndReportsSummarizingProgressAndCalls() {
        LLM.respondWith(IndexerLlmIntegrationTest::answerEverySection);
        long id = IDS.incrementAndGet();

        publisher.publish(parsedEvent(id, false));

        IndexResult result = awaitIndexed(id).result();
        assertThat(result.rootSummary()).isEqualTo("An overview by the model.");
        assertThat(result.llmCalls()).isEqualTo(LLM.callCount()).isBetween(2, 3);
        List<Double> summarizing = statuses.stream().filter(s -> s.status() == DocumentStatus.SUMMARIZING)
                .map(DocumentStatusChanged::progress).toList();
        assertThat(summarizing).isNotEmpty().isSorted().allMatch(p -> p >= 50 && p <= 95);
        assertThat(summarizing.get(summarizing.size() - 1)).isEqualTo(95.0);
        assertThat(nodes.nodesOf(id, 1)).filteredOn(node -> !node.nodeId().equals("root"))
                .extracting(StoredNode::summary).allMatch(summary -> summary.startsWith("Model summary of"));
    }

    @Test
    void indexesWithQuickSummariesWhenTheLlmIsDown() {
        LLM.respondWith(call -> Reply.status(503));
        long id = IDS.incrementAndGet();

        publisher.publish(parsedEvent(id, false));

        IndexResult result = awaitIndexed(id).result();
        assertThat(result.llmCalls()).isEqualTo(1);
        assertThat(result.rootSummary()).isEqualTo("Field Guide — sections: Birds; Trees.");
        assertThat(nodes.nodesOf(id, 1)).extracting(StoredNode::summary).contains("Owls hunt at night.");
    }

    @Test
    void makesNoLlmCallsForAQuickIndexDocument() {
        long id = IDS.incrementAndGet();

        publisher.publish(parsedEvent(id, true));

        assertThat(awaitIndexed(id).result().llmCalls()).isZero();
        assertThat(LLM.callCount()).isZero();
        assertThat(statuses).noneMatch(s -> s.status() == DocumentStatus.SUMMARIZING);
    }

    static Reply answerEverySection(ScriptedLlmServer.Call call) {
        if (call.purposeHint().startsWith("You write the overview")) {
            return Reply.content("An overview by the model.");
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        Matcher matcher = SECTION_ID.matcher(call.userText());
        while (matcher.find()) {
            answer.put(matcher.group(1), "Model summary of " + matcher.group(1));
        }
        return Reply.content("```json\n" + answer + "\n```");
    }

    private DocumentParsed parsedEvent(long id, boolean quickIndex) {
        ParsedDocument parsed = new ParsedDocument(ParsedDocument.SCHEMA_VERSION, id, 1, "pdf", "Field Guide", 3,
                StructureSource.OUTLINE, List.of(
                Block.heading(1, "Birds", 1), Block.text("All about birds.", 1, 1),
                Block.heading(2, "Owls", 2), Block.text("Owls hunt at night.", 2, 2),
                Block.heading(1, "Trees", 3), Block.text("Oaks and pines.", 3, 3)),
                List.of(), Map.of(), List.of());
        String key = ObjectKeys.parsed(WORKSPACE, id, 1);
        objects.put(key, EventJson.writeBytes(parsed), "application/json");
        return DocumentParsed.of(id, 1, WORKSPACE, key, "pdf", 3, 50, quickIndex);
    }

    private DocumentStatusChanged awaitIndexed(long id) {
        return await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> statusesOf(id).stream().filter(s -> s.status() == DocumentStatus.INDEXED).findFirst(),
                        found -> found.isPresent()).orElseThrow();
    }

    private List<DocumentStatusChanged> statusesOf(long id) {
        for (ConsumerRecord<String, String> record : statusConsumer.poll(Duration.ofMillis(200))) {
            DocumentEvent event = EventJson.readEvent(record.value());
            if (event instanceof DocumentStatusChanged status && status.documentId() == id) {
                statuses.add(status);
            }
        }
        return List.copyOf(statuses);
    }
}
