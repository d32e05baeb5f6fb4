package io.vectorless.indexer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vectorless.indexer.indexing.SearchIndexBackfill;
import io.vectorless.indexer.storage.NodeStore;
import io.vectorless.schema.store.StoredNodes;
import io.vectorless.schema.tree.TreeNode;
import io.vectorless.search.IndexInput;
import io.vectorless.schema.ContractFixturesTest.ContractSamples;
import io.vectorless.infra.EmbeddedInfraInitializer;
import io.vectorless.infra.TestInfrastructure;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentEvent;
import io.vectorless.schema.event.DocumentParsed;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.schema.event.IndexResult;
import io.vectorless.schema.event.Topics;
import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.PageImage;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.schema.store.StoreFields;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.schema.store.NodeApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.vectorless.support.storage.CollectionsTouched;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.search.IndexArchive;
import io.vectorless.schema.store.StoreFields;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.support.storage.CollectionsTouched;
import io.vectorless.schema.store.StoredNode;
import io.vectorless.support.messaging.EventPublisher;
import io.vectorless.support.storage.ObjectStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=indexer-service")
@ContextConfiguration(initializers = EmbeddedInfraInitializer.class)
class IndexerServiceIntegrationTest {
    private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000));
    private static final long WORKSPACE = 77;

    @Autowired
    ObjectStore objects;
    @Autowired
    EventPublisher publisher;
    @Autowired
    NodeStore nodes;
    @Autowired
    SearchIndexBackfill backfill;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @LocalServerPort
    int port;
    @Value("${vectorless.auth.api-key}")
    String apiKey;

    private static final String PROCESSED = StoreNames.processedEvents(StoreNames.INDEXER);

    private KafkaConsumer<String, String> statusConsumer;
    private final List<DocumentStatusChanged> statuses = new ArrayList<>();

    @BeforeEach
    void subscribeToStatuses() {
        statusConsumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "indexer-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        statusConsumer.subscribe(List.of(Topics.DOCUMENT_STATUS));
    }

    @AfterEach
    void closeConsumer() {
        statusConsumer.close();
    }

    @Test
    void indexesAParsedDocumentIntoNodesAndAnnouncesIndexedOnceEvenWhenTheEventIsReplayed() throws Exception {
        long id = IDS.incrementAndGet();
        DocumentParsed event = parsedEvent(id, 1, storeParsed(id, 1, outlineDocument(id, 1)));

        publisher.publish(event);

        List<DocumentStatusChanged> indexed = awaitIndexed(id, 1);
        IndexResult result = indexed.get(0).result();
        assertThat(result.docTitle()).isEqualTo("Field Guide");
        assertThat(result.nodeCount()).isEqualTo(3);
        assertThat(result.pageCount()).isEqualTo(3);
        assertThat(result.imageCount()).isEqualTo(1);
        assertThat(result.llmCalls()).isZero();
        assertThat(result.indexBytes()).isPositive();
        assertThat(result.rootSummary()).isEqualTo("Field Guide — sections: Birds; Trees.");
        assertThat(statusesOf(id)).extracting(DocumentStatusChanged::status)
                .startsWith(DocumentStatus.INDEXING).endsWith(DocumentStatus.INDEXED);
        List<StoredNode> stored = nodes.nodesOf(id, 1);
        assertThat(stored).extracting(StoredNode::nodeId).containsExactly("root", "1", "1.1", "2");
        StoredNode owls = stored.get(2);
        assertThat(owls.id()).isEqualTo(id + ":1:1.1");
        assertThat(owls.parentId()).isEqualTo("1");
        assertThat(owls.text()).isEqualTo("Owls hunt at night.");
        assertThat(owls.imageKeys()).containsExactly(ObjectKeys.image(WORKSPACE, id, 1, 2, 0, "png"));
        assertThat(stored.get(0).childIds()).containsExactly("1", "2");
        assertThat(result.searchIndexKey()).isEqualTo(ObjectKeys.searchIndex(WORKSPACE, id, 1));
        try (DocumentSearchIndex index = searchIndexOf(result.searchIndexKey())) {
            assertThat(index.language()).isEqualTo("en");
            assertThat(index.sectionTitles()).containsExactly("Birds", "Owls", "Trees");
            assertThat(index.subtree("1.1").orElseThrow().text()).isEqualTo("Owls hunt at night.");
            assertThat(index.pageText(3)).contains("Trees\n\nOaks and pines.");
            assertThat(index.pageOwner(2)).contains("1.1");
        }

        publisher.publish(event);
        publisher.publish(parsedEvent(id, 1, event.parsedObjectKey()));

        assertThat(awaitIndexed(id, 2)).hasSize(2);
        assertThat(nodes.nodesOf(id, 1)).usingRecursiveFieldByFieldElementComparator().isEqualTo(stored);
    }

    @Test
    void answersTheGatewaysTreeQuestionsInTheContractShapeForTheVersionNamed() throws Exception {
        long id = IDS.incrementAndGet();
        publisher.publish(parsedEvent(id, 1, storeParsed(id, 1, outlineDocument(id, 1))));
        awaitIndexed(id, 1);

        HttpResponse<String> outline = get(NodeApi.outline(id, 1));
        HttpResponse<String> birds = get(NodeApi.node(id, 1, "1"));
        HttpResponse<String> otherVersion = get(NodeApi.outline(id, 2));
        HttpResponse<String> missingNode = get(NodeApi.node(id, 1, "9.9"));

        assertThat(outline.statusCode()).isEqualTo(200);
        JsonNode nodesJson = EventJson.mapper().readTree(outline.body());
        assertThat(nodesJson.findValuesAsText("nodeId")).containsExactly("root", "1", "1.1", "2");
        assertThat(nodesJson).allMatch(node -> node.path("text").isNull(), "no texts in an outline");
        assertThat(ContractSamples.fieldNames(nodesJson.get(0).toString())).isEqualTo(ContractSamples.fieldNames(
                EventJson.mapper().readTree(ContractSamples.fixture("tree-outline.json")).get(0).toString()));
        assertThat(birds.statusCode()).isEqualTo(200);
        assertThat(ContractSamples.fieldNames(birds.body()))
                .isEqualTo(ContractSamples.fieldNames(ContractSamples.fixture("tree-node.json")));
        NodeApi.NodeDetail detail = EventJson.mapper().readValue(birds.body(), NodeApi.NodeDetail.class);
        assertThat(detail.node().title()).isEqualTo("Birds");
        assertThat(detail.children()).extracting(StoredNode::nodeId).containsExactly("1.1");
        assertThat(otherVersion.statusCode()).isEqualTo(404);
        assertThat(missingNode.statusCode()).isEqualTo(404);
        assertThat(EventJson.mapper().readTree(missingNode.body()).path("detail").asText()).contains("9.9");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + apiKey).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void removesOneVersionsNodesWhenSupersededAndAllNodesWhenTheDocumentIsDeleted() {
        long id = IDS.incrementAndGet();
        publisher.publish(parsedEvent(id, 1, storeParsed(id, 1, outlineDocument(id, 1))));
        publisher.publish(parsedEvent(id, 2, storeParsed(id, 2, outlineDocument(id, 2))));
        awaitIndexed(id, 2);

        assertThat(objects.exists(ObjectKeys.searchIndex(WORKSPACE, id, 1))).isTrue();

        publisher.publish(DocumentDeleted.superseded(id, 1, WORKSPACE));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(nodes.nodesOf(id, 1)).isEmpty());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(objects.exists(ObjectKeys.searchIndex(WORKSPACE, id, 1))).isFalse());
        assertThat(nodes.nodesOf(id, 2)).hasSize(4);
        assertThat(objects.exists(ObjectKeys.searchIndex(WORKSPACE, id, 2))).isTrue();

        publisher.publish(DocumentDeleted.document(id, 2, WORKSPACE, "deleted by user"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(nodes.nodesOf(id, 2)).isEmpty());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(objects.exists(ObjectKeys.searchIndex(WORKSPACE, id, 2))).isFalse();
            assertThat(mongo.findById(StoreFields.SearchIndex.idOf(id, 2), org.bson.Document.class,
                    StoreNames.SEARCH_INDEXES)).isNull();
        });
    }

    @Test
    void failsADocumentWhoseParsedFormIsUnreadableWithAReadableReason() {
        long id = IDS.incrementAndGet();
        String key = ObjectKeys.parsed(WORKSPACE, id, 1);
        objects.put(key, "{\"blocks\": [oops".getBytes(), "application/json");

        publisher.publish(parsedEvent(id, 1, key));

        DocumentStatusChanged failed = await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> statusesOf(id).stream().filter(s -> s.status() == DocumentStatus.FAILED).findFirst(),
                        found -> found.isPresent()).orElseThrow();
        assertThat(failed.error()).startsWith("The parsed form of the document is unreadable");
        assertThat(nodes.nodesOf(id, 1)).isEmpty();
    }

    @Test
    void ignoresASupersededVersionAndTitlesAnUntitledDocumentByTheFileNameItsEventCarries() throws Exception {
        long id = IDS.incrementAndGet();
        String uploadId = UUID.randomUUID().toString();
        ParsedDocument untitled = new ParsedDocument(ParsedDocument.SCHEMA_VERSION, id, 2, "text", null, 1,
                StructureSource.PARAGRAPHS, List.of(Block.text("Notes from the field.", 1, 1)), List.of(), Map.of(),
                List.of(), null, uploadId);
        publisher.publish(DocumentDeleted.superseded(id, 1, WORKSPACE));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(
                Query.query(Criteria.where("_id").is("deleted:" + id + ":1")), PROCESSED));

        publisher.publish(parsedEvent(id, 1, storeParsed(id, 1, outlineDocument(id, 1))));
        publishFromFixture(id, 2, uploadId, "field-notes.txt", storeParsed(id, 2, uploadId, untitled));

        List<DocumentStatusChanged> indexed = awaitIndexed(id, 1);
        assertThat(indexed).singleElement().satisfies(status -> {
            assertThat(status.version()).isEqualTo(2);
            assertThat(status.result().docTitle()).isEqualTo("field-notes");
            assertThat(status.result().fileName()).isEqualTo("field-notes.txt");
        });
        assertThat(nodes.nodesOf(id, 1)).isEmpty();
        assertThat(statusesOf(id)).noneMatch(status -> status.version() == 1);
        String indexKey = mongo.findById(StoreFields.SearchIndex.idOf(id, 2), org.bson.Document.class,
                StoreNames.SEARCH_INDEXES).getString(StoreFields.SearchIndex.OBJECT_KEY);
        assertThat(indexKey).isEqualTo(ObjectKeys.searchIndex(WORKSPACE, id, 2, uploadId)).contains("/u-" + uploadId + "/");
        assertThat(objects.exists(indexKey)).isTrue();
        assertThat(indexed.get(0).result().searchIndexKey()).isEqualTo(indexKey);
        backfill.run();
        assertThat(objects.exists(ObjectKeys.searchIndex(WORKSPACE, id, 2))).as("an announced index is not copied")
                .isFalse();
        assertThat(ContractSamples.fieldNames(EventJson.write(indexed.get(0))))
                .isEqualTo(ContractSamples.fieldNames(ContractSamples.fixture("document-status-changed.json")));
    }

    @Test
    void neverIndexesAParsedFormThatBelongsToAnotherUpload() throws Exception {
        long id = IDS.incrementAndGet();
        ParsedDocument othersContent = outlineDocument(id, 1).withUploadId("a-lost-upload");
        String uploadId = UUID.randomUUID().toString();

        publishFromFixture(id, 1, uploadId, "mine.md", storeParsed(id, 1, uploadId, othersContent));

        DocumentStatusChanged failed = await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> statusesOf(id).stream().filter(st -> st.status() == DocumentStatus.FAILED).findFirst(),
                        found -> found.isPresent()).orElseThrow();
        assertThat(failed.error()).contains("belongs to another upload");
        assertThat(nodes.nodesOf(id, 1)).isEmpty();
    }

    @Test
    void touchesOnlyItsOwnCollectionsAndReadsTheDeletionFixture() throws Exception {
        long id = IDS.incrementAndGet();
        publisher.publish(parsedEvent(id, 1, storeParsed(id, 1, outlineDocument(id, 1))));
        awaitIndexed(id, 1);
        ObjectNode deleted = (ObjectNode) EventJson.mapper().readTree(ContractSamples.fixture("document-deleted.json"));
        deleted.put("eventId", UUID.randomUUID().toString()).put("documentId", id).put("workspaceId", WORKSPACE);
        kafka.send(Topics.DOCUMENT_DELETED, Long.toString(id), deleted.toString()).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> nodes.nodesOf(id, 1).isEmpty());

        assertThat(CollectionsSeen.TOUCHED.written()).contains(StoreNames.NODES)
                .allMatch(name -> StoreNames.mayWrite(StoreNames.INDEXER, name), "the indexer's own");
        assertThat(CollectionsSeen.TOUCHED.all())
                .allMatch(name -> StoreNames.mayTouch(StoreNames.INDEXER, name), "the indexer's own");
    }

    /** Publishes the contract fixture of {@code DocumentParsed} with this document's values, as ingest would. */
    private void publishFromFixture(long id, int version, String uploadId, String fileName, String key)
            throws Exception {
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(ContractSamples.fixture("document-parsed.json"));
        event.put("eventId", UUID.randomUUID().toString()).put("documentId", id).put("version", version)
                .put("workspaceId", WORKSPACE).put("parsedObjectKey", key).put("uploadId", uploadId)
                .put("fileName", fileName).putNull("title");
        kafka.send(Topics.DOCUMENT_PARSED, Long.toString(id), event.toString()).get(30, TimeUnit.SECONDS);
    }

    private String storeParsed(long id, int version, String uploadId, ParsedDocument parsed) {
        String key = ObjectKeys.parsed(WORKSPACE, id, version, uploadId);
        objects.put(key, EventJson.writeBytes(parsed), "application/json");
        return key;
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

    @Test
    void failsADocumentWhoseParsedFormIsMissing() {
        long id = IDS.incrementAndGet();

        publisher.publish(parsedEvent(id, 1, ObjectKeys.parsed(WORKSPACE, id, 1)));

        DocumentStatusChanged failed = await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> statusesOf(id).stream().filter(s -> s.status() == DocumentStatus.FAILED).findFirst(),
                        found -> found.isPresent()).orElseThrow();
        assertThat(failed.error()).startsWith("The parsed form of the document is missing");
    }

    @Test
    void indexesAThousandPageBookAsOneStoredRecordPerNode() {
        long id = IDS.incrementAndGet();
        List<Block> blocks = new ArrayList<>();
        String page = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(40);
        for (int chapter = 0; chapter < 100; chapter++) {
            blocks.add(Block.heading(1, "Chapter " + (chapter + 1), chapter * 10 + 1));
            for (int section = 0; section < 2; section++) {
                int first = chapter * 10 + section * 5 + 1;
                blocks.add(Block.heading(2, "Section " + (section + 1), first));
                for (int p = first; p < first + 5; p++) {
                    blocks.add(Block.text(page, p, p));
                }
            }
        }
        ParsedDocument book = new ParsedDocument(ParsedDocument.SCHEMA_VERSION, id, 1, "pdf", "Big Book", 1000,
                StructureSource.OUTLINE, blocks, List.of(), Map.of(), List.of());

        publisher.publish(parsedEvent(id, 1, storeParsed(id, 1, book)));

        IndexResult result = awaitIndexed(id, 1).get(0).result();
        assertThat(result.nodeCount()).isEqualTo(300);
        assertThat(result.pageCount()).isEqualTo(1000);
        List<StoredNode> stored = nodes.nodesOf(id, 1);
        assertThat(stored).hasSize(301);
        assertThat(stored.get(stored.size() - 1).nodeId()).isEqualTo("100.2");
        assertThat(stored.get(stored.size() - 1).startPage()).isEqualTo(996);
    }

    /** A version's search index as query-service opens it: the object the indexed event names. */
    private DocumentSearchIndex searchIndexOf(String key) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("search-index");
        try (java.io.InputStream in = objects.open(key)) {
            IndexArchive.unpack(in, dir.resolve("index"));
        }
        return DocumentSearchIndex.open(org.apache.lucene.store.FSDirectory.open(dir.resolve("index")));
    }

    @Test
    void givesVersionsIndexedByAnOlderReleaseAnIndexUnderTheirVersionKeyAndRemovesItWithThem() throws Exception {
        TreeNode tree = new TreeNode("root", "Old Guide", "", 0, 1, 2, "", List.of(), List.of(
                new TreeNode("1", "Owls", "", 1, 1, 1, "Owls hunt at night.", List.of(), List.of()),
                new TreeNode("2", "Oaks", "", 1, 2, 2, "Oaks grow slowly.", List.of(), List.of())));
        long nodesOnly = IDS.incrementAndGet(); // indexed before search indexes existed
        mongo.insert(StoredNodes.flatten(nodesOnly, 1, WORKSPACE, tree, text -> text.length() / 4), StoreNames.NODES);
        long uploadKeyed = IDS.incrementAndGet(); // its index under its upload's key, which its event did not name
        mongo.insert(StoredNodes.flatten(uploadKeyed, 3, WORKSPACE, tree, text -> text.length() / 4), StoreNames.NODES);
        String uploadKey = ObjectKeys.searchIndex(WORKSPACE, uploadKeyed, 3, "old-upload");
        byte[] archive = IndexArchive.build(new IndexInput(uploadKeyed, 3, "Old Guide", tree, List.of())).archive();
        objects.put(uploadKey, archive, IndexArchive.CONTENT_TYPE);
        mongo.insert(new org.bson.Document("_id", StoreFields.SearchIndex.idOf(uploadKeyed, 3))
                .append(StoreFields.SearchIndex.DOCUMENT_ID, uploadKeyed).append(StoreFields.SearchIndex.VERSION, 3)
                .append(StoreFields.SearchIndex.WORKSPACE_ID, WORKSPACE)
                .append(StoreFields.SearchIndex.OBJECT_KEY, uploadKey), StoreNames.SEARCH_INDEXES);

        backfill.run();

        try (DocumentSearchIndex index = searchIndexOf(ObjectKeys.searchIndex(WORKSPACE, nodesOnly, 1))) {
            assertThat(index.docTitle()).isEqualTo("Old Guide");
            assertThat(index.subtree("1").orElseThrow().text()).isEqualTo("Owls hunt at night.");
        }
        assertThat(objects.getBytes(ObjectKeys.searchIndex(WORKSPACE, uploadKeyed, 3))).isEqualTo(archive);

        publisher.publish(DocumentDeleted.document(nodesOnly, 1, WORKSPACE, "deleted by user"));
        publisher.publish(DocumentDeleted.superseded(uploadKeyed, 3, WORKSPACE));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(List.of(
                ObjectKeys.searchIndex(WORKSPACE, nodesOnly, 1), ObjectKeys.searchIndex(WORKSPACE, uploadKeyed, 3),
                uploadKey)).noneMatch(objects::exists));
    }

    private ParsedDocument outlineDocument(long id, int version) {
        return new ParsedDocument(ParsedDocument.SCHEMA_VERSION, id, version, "pdf", "Field Guide", 3,
                StructureSource.OUTLINE, List.of(
                Block.heading(1, "Birds", 1), Block.text("All about birds.", 1, 1),
                Block.heading(2, "Owls", 2), Block.text("Owls hunt at night.", 2, 2),
                Block.heading(1, "Trees", 3), Block.text("Oaks and pines.", 3, 3)),
                List.of(new PageImage(2, ObjectKeys.image(WORKSPACE, id, version, 2, 0, "png"), "image/png",
                        "Page 2 visual content", 10)),
                Map.of(), List.of());
    }

    private String storeParsed(long id, int version, ParsedDocument parsed) {
        String key = ObjectKeys.parsed(WORKSPACE, id, version);
        objects.put(key, EventJson.writeBytes(parsed), "application/json");
        return key;
    }

    private static DocumentParsed parsedEvent(long id, int version, String key) {
        return DocumentParsed.of(id, version, WORKSPACE, key, "pdf", 3, 60, true);
    }

    private List<DocumentStatusChanged> awaitIndexed(long id, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> statusesOf(id).stream().filter(s -> s.status() == DocumentStatus.INDEXED).toList(),
                        found -> found.size() >= count);
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
