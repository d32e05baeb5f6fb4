package io.vectorless.ingest.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vectorless.infra.EmbeddedInfraInitializer;
import io.vectorless.schema.ContractFixturesTest.ContractSamples;
import io.vectorless.schema.event.Topics;
import io.vectorless.ingest.parse.ScannedPdf;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentEvent;
import io.vectorless.schema.event.DocumentParsed;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.schema.event.DocumentUploaded;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.support.messaging.EventPublisher;
import io.vectorless.support.storage.ObjectStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=ingest-service")
@ContextConfiguration(initializers = EmbeddedInfraInitializer.class)
class IngestServiceIT {
    private static final AtomicLong IDS = new AtomicLong(1_000_000L + new Random().nextInt(1_000_000) * 10L);
    private static final List<DocumentEvent> SEEN = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean RUNNING = new AtomicBoolean(true);
    private static Thread watcher;

    @Autowired
    EventPublisher publisher;
    @Autowired
    ObjectStore store;
    @Autowired
    TestRestTemplate http;
    @Autowired
    org.springframework.kafka.core.KafkaTemplate<String, String> kafka;

    @BeforeAll
    static void watchEvents(@Value("${spring.kafka.bootstrap-servers}") String bootstrap) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("document.status", "document.parsed"));
        watcher = new Thread(() -> {
            try (consumer) {
                while (RUNNING.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        SEEN.add(EventJson.readEvent(record.value()));
                    }
                }
            }
        }, "ingest-it-events");
        watcher.setDaemon(true);
        watcher.start();
    }

    @AfterAll
    static void stopWatching() throws InterruptedException {
        RUNNING.set(false);
        watcher.join(5000);
    }

    /** Stores an original and publishes its event as the gateway would: the contract fixture with this upload's values. */
    private DocumentUploaded upload(String name, byte[] bytes) {
        return upload(name, bytes, md5(bytes));
    }

    private DocumentUploaded upload(String name, byte[] bytes, String fileHash) {
        return upload(IDS.incrementAndGet(), UUID.randomUUID().toString(), name, bytes, fileHash);
    }

    private DocumentUploaded upload(long id, String uploadId, String name, byte[] bytes, String fileHash) {
        String key = ObjectKeys.original(3, id, 1, uploadId);
        store.put(key, bytes, "application/octet-stream");
        try {
            ObjectNode event = (ObjectNode) EventJson.mapper().readTree(ContractSamples.fixture("document-uploaded.json"));
            event.put("eventId", UUID.randomUUID().toString()).put("documentId", id).put("workspaceId", 3)
                    .put("fileName", name).put("contentType", "").put("fileSize", bytes.length)
                    .put("fileHash", fileHash).put("objectKey", key).put("username", "tester")
                    .put("uploadId", uploadId);
            kafka.send(Topics.DOCUMENT_UPLOADED, Long.toString(id), event.toString()).get(30, TimeUnit.SECONDS);
            return EventJson.read(event.toString(), DocumentUploaded.class);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the upload", e);
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String parsedKey(DocumentUploaded uploaded) {
        return ObjectKeys.parsed(3, uploaded.documentId(), 1, uploaded.uploadId());
    }

    private static List<DocumentStatusChanged> statuses(long documentId) {
        return SEEN.stream().filter(e -> e.documentId() == documentId && e instanceof DocumentStatusChanged)
                .map(DocumentStatusChanged.class::cast).toList();
    }

    private static List<DocumentParsed> parsedEvents(long documentId) {
        return SEEN.stream().filter(e -> e.documentId() == documentId && e instanceof DocumentParsed)
                .map(DocumentParsed.class::cast).toList();
    }

    @Test
    void uploadedDocumentIsParsedStoredAndAnnounced() {
        DocumentUploaded uploaded = upload("guide.md", "# Guide\nRead me.\n## Part\nMore.".getBytes(StandardCharsets.UTF_8));
        String parsedKey = parsedKey(uploaded);

        await().atMost(Duration.ofSeconds(30)).until(() -> !parsedEvents(uploaded.documentId()).isEmpty());

        DocumentParsed parsed = parsedEvents(uploaded.documentId()).get(0);
        assertThat(parsed.parsedObjectKey()).isEqualTo(parsedKey);
        assertThat(parsed.format()).isEqualTo("markdown");
        assertThat(parsed.quickIndex()).isTrue();
        assertThat(parsed.uploadId()).isEqualTo(uploaded.uploadId());
        assertThat(parsed.fileName()).isEqualTo("guide.md");
        assertThat(ContractSamples.fieldNames(EventJson.write(parsed)))
                .isEqualTo(ContractSamples.fieldNames(ContractSamples.fixture("document-parsed.json")));
        ParsedDocument document = EventJson.read(store.getBytes(parsedKey), ParsedDocument.class);
        assertThat(document.documentId()).isEqualTo(uploaded.documentId());
        assertThat(document.uploadId()).isEqualTo(uploaded.uploadId());
        assertThat(parsed.title()).isEqualTo(document.title());
        assertThat(document.blocks()).extracting(b -> b.text()).containsExactly("Guide", "Read me.", "Part", "More.");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statuses(uploaded.documentId()))
                .extracting(DocumentStatusChanged::status)
                .containsExactly(DocumentStatus.PARSING, DocumentStatus.PARSED));
    }

    private static byte[] pdfWithPicture() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            BufferedImage picture = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("A page with a chart.");
                content.endText();
                content.drawImage(LosslessFactory.createFromImage(document, picture), 72, 400, 300, 200);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void pageImagesGoToObjectStorageAndLeaveWithTheDocument() throws IOException {
        DocumentUploaded uploaded = upload("chart.docx", pdfWithPicture());
        String parsedKey = parsedKey(uploaded);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.exists(parsedKey));

        ParsedDocument document = EventJson.read(store.getBytes(parsedKey), ParsedDocument.class);
        assertThat(document.format()).isEqualTo("pdf");
        assertThat(document.images()).singleElement().satisfies(image -> {
            assertThat(image.objectKey()).isEqualTo(ObjectKeys.image(3, uploaded.documentId(), 1, uploaded.uploadId(), 1,
                    0, "png"));
            assertThat(store.size(image.objectKey())).contains(image.bytes());
        });

        publisher.publish(DocumentDeleted.document(uploaded.documentId(), 1, 3, "deleted by user"));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.list(ObjectKeys.documentPrefix(3,
                uploaded.documentId())).equals(List.of(uploaded.objectKey())));
    }

    private static byte[] textPdf(String... lines) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 700);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -24);
                }
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void scannedPdfIsRecognisedWithOcrProgressWhileParsing() throws IOException {
        byte[] scan = ScannedPdf.scan(textPdf("Invoices are paid within thirty days.", "Late fees apply."), 150);
        DocumentUploaded uploaded = upload("scan.pdf", scan);
        String parsedKey = parsedKey(uploaded);

        await().atMost(Duration.ofSeconds(120)).until(() -> store.exists(parsedKey));

        ParsedDocument document = EventJson.read(store.getBytes(parsedKey), ParsedDocument.class);
        assertThat(String.join(" ", document.blocks().stream().map(b -> b.text()).toList()))
                .contains("Invoices are paid within thirty days");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statuses(uploaded.documentId()))
                .filteredOn(s -> "ocr".equals(s.stage()))
                .extracting(DocumentStatusChanged::status, DocumentStatusChanged::progress)
                .contains(org.assertj.core.groups.Tuple.tuple(DocumentStatus.PARSING, 25.0)));
    }

    @Test
    void redeliveredUploadIsNotParsedAgainButAnnouncedAgain() {
        DocumentUploaded uploaded = upload("notes.txt", "Just a line of text.".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> parsedEvents(uploaded.documentId()).size() == 1);

        publisher.publish(uploaded);

        await().atMost(Duration.ofSeconds(30)).until(() -> parsedEvents(uploaded.documentId()).size() == 2);
        assertThat(statuses(uploaded.documentId())).extracting(DocumentStatusChanged::status)
                .containsExactly(DocumentStatus.PARSING, DocumentStatus.PARSED);
    }

    @Test
    void corruptFileEndsFailedWithItsReasonAndTheNextDocumentStillProcesses() {
        byte[] noise = new byte[2048];
        new Random(3).nextBytes(noise);
        DocumentUploaded corrupt = upload("broken.pdf", noise);
        DocumentUploaded next = upload("fine.txt", "Fine text.".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(corrupt.documentId()).stream()
                .anyMatch(s -> s.status() == DocumentStatus.FAILED));
        DocumentStatusChanged failed = statuses(corrupt.documentId()).stream()
                .filter(s -> s.status() == DocumentStatus.FAILED).findFirst().orElseThrow();
        assertThat(failed.error()).startsWith("unsupported file type");
        // a permanent failure is not retried: one attempt, then failed
        assertThat(statuses(corrupt.documentId())).extracting(DocumentStatusChanged::status)
                .containsExactly(DocumentStatus.PARSING, DocumentStatus.FAILED);
        assertThat(failed.source()).isEqualTo("ingest-service");
        assertThat(parsedEvents(corrupt.documentId())).isEmpty();
        assertThat(store.exists(parsedKey(corrupt))).isFalse();

        await().atMost(Duration.ofSeconds(30)).until(() -> !parsedEvents(next.documentId()).isEmpty());
        assertThat(http.getForObject("/actuator/health/liveness", String.class)).contains("\"UP\"");
    }

    @Test
    void uploadOfAVersionThatIsAlreadyReplacedIsSkipped() {
        long id = IDS.incrementAndGet();
        store.put(ObjectKeys.original(3, id, 2), "Second version.".getBytes(StandardCharsets.UTF_8), "text/plain");
        byte[] first = "First version.".getBytes(StandardCharsets.UTF_8);
        store.put(ObjectKeys.original(3, id, 1), first, "text/plain");
        publisher.publish(DocumentUploaded.of(id, 1, 3, "a.txt", "", first.length, "md5",
                ObjectKeys.original(3, id, 1), true, "tester"));
        DocumentUploaded marker = upload("after.txt", "Processed after the stale one.".getBytes(StandardCharsets.UTF_8));

        // the stale event and the marker share a partition only by chance, so wait for the marker and then some
        await().atMost(Duration.ofSeconds(30)).until(() -> !parsedEvents(marker.documentId()).isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> statuses(id).isEmpty() && parsedEvents(id).isEmpty());
        assertThat(store.exists(ObjectKeys.parsed(3, id, 1))).isFalse();
    }

    @Test
    void deletingADocumentRemovesParsedDataButLeavesTheOriginal() {
        DocumentUploaded uploaded = upload("a.txt", "Some text.".getBytes(StandardCharsets.UTF_8));
        String parsedKey = parsedKey(uploaded);
        String imageKey = ObjectKeys.image(3, uploaded.documentId(), 1, uploaded.uploadId(), 1, 0, "png");
        await().atMost(Duration.ofSeconds(30)).until(() -> store.exists(parsedKey));
        store.put(imageKey, new byte[]{1, 2, 3}, "image/png");

        publisher.publish(DocumentDeleted.document(uploaded.documentId(), 1, 3, "deleted by user"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !store.exists(parsedKey) && !store.exists(imageKey));
        assertThat(store.exists(uploaded.objectKey())).isTrue();
    }

    @Test
    void supersededVersionLosesOnlyItsOwnParsedData() {
        DocumentUploaded first = upload("a.txt", "Version one.".getBytes(StandardCharsets.UTF_8));
        long id = first.documentId();
        String keyOne = parsedKey(first);
        String keyTwo = ObjectKeys.parsed(3, id, 2, "next-upload");
        await().atMost(Duration.ofSeconds(30)).until(() -> store.exists(keyOne));
        store.put(keyTwo, "{}".getBytes(StandardCharsets.UTF_8), "application/json");

        publisher.publish(DocumentDeleted.superseded(id, 1, 3));

        await().atMost(Duration.ofSeconds(30)).until(() -> !store.exists(keyOne));
        assertThat(store.exists(keyTwo)).isTrue();
    }

    @Test
    void aParsedFormOfAnotherUploadFoundUnderTheKeyIsNeverAnnouncedAsThisOne() {
        long id = IDS.incrementAndGet();
        String uploadId = UUID.randomUUID().toString();
        byte[] content = "The new upload's own text.".getBytes(StandardCharsets.UTF_8);
        // what a lost upload could have left: a parsed form for the same document and version, from another upload
        ParsedDocument stale = new ParsedDocument(ParsedDocument.SCHEMA_VERSION, id, 1, "text", "Lost filing", 97,
                io.vectorless.schema.parsed.StructureSource.PAGES, List.of(io.vectorless.schema.parsed.Block.text("The lost filing's text.", 1, 1)), List.of(),
                Map.of(), List.of(), null, "a-lost-upload");
        store.put(ObjectKeys.parsed(3, id, 1, uploadId), EventJson.writeBytes(stale), "application/json");

        DocumentUploaded uploaded = upload(id, uploadId, "own.txt", content, md5(content));
        await().atMost(Duration.ofSeconds(30)).until(() -> !parsedEvents(id).isEmpty());
        ParsedDocument document = EventJson.read(store.getBytes(parsedEvents(id).get(0).parsedObjectKey()),
                ParsedDocument.class);
        assertThat(document.uploadId()).isEqualTo(uploaded.uploadId());
        assertThat(document.blocks()).extracting(b -> b.text()).containsExactly("The new upload's own text.");
        assertThat(parsedEvents(id).get(0).pageCount()).isNotEqualTo(97);
    }

    @Test
    void anOriginalThatIsNotTheUploadedFileEndsFailedWithAReason() {
        DocumentUploaded mismatched = upload("other.txt", "Bytes that were stored.".getBytes(StandardCharsets.UTF_8),
                md5("Bytes that were uploaded.".getBytes(StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(mismatched.documentId()).stream()
                .anyMatch(s -> s.status() == DocumentStatus.FAILED));
        assertThat(statuses(mismatched.documentId())).filteredOn(s -> s.status() == DocumentStatus.FAILED)
                .first().extracting(DocumentStatusChanged::error).asString()
                .contains("not the one that was uploaded");
        assertThat(parsedEvents(mismatched.documentId())).isEmpty();
    }
}
