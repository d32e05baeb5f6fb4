package io.vectorless.ingest.messaging;

import io.vectorless.infra.EmbeddedInfraInitializer;
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

    private DocumentUploaded upload(String name, byte[] bytes) {
        long id = IDS.incrementAndGet();
        String key = ObjectKeys.original(3, id, 1);
        store.put(key, bytes, "application/octet-stream");
        DocumentUploaded uploaded = DocumentUploaded.of(id, 1, 3, name, "", bytes.length, "md5", key, true, "tester");
        publisher.publish(uploaded);
        return uploaded;
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
        String parsedKey = ObjectKeys.parsed(3, uploaded.documentId(), 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> !parsedEvents(uploaded.documentId()).isEmpty());

        DocumentParsed parsed = parsedEvents(uploaded.documentId()).get(0);
        assertThat(parsed.parsedObjectKey()).isEqualTo(parsedKey);
        assertThat(parsed.format()).isEqualTo("markdown");
        assertThat(parsed.quickIndex()).isTrue();
        ParsedDocument document = EventJson.read(store.getBytes(parsedKey), ParsedDocument.class);
        assertThat(document.documentId()).isEqualTo(uploaded.documentId());
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
        String parsedKey = ObjectKeys.parsed(3, uploaded.documentId(), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.exists(parsedKey));

        ParsedDocument document = EventJson.read(store.getBytes(parsedKey), ParsedDocument.class);
        assertThat(document.format()).isEqualTo("pdf");
        assertThat(document.images()).singleElement().satisfies(image -> {
            assertThat(image.objectKey()).isEqualTo(ObjectKeys.image(3, uploaded.documentId(), 1, 1, 0, "png"));
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
        String parsedKey = ObjectKeys.parsed(3, uploaded.documentId(), 1);

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
        assertThat(store.exists(ObjectKeys.parsed(3, corrupt.documentId(), 1))).isFalse();

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
        String parsedKey = ObjectKeys.parsed(3, uploaded.documentId(), 1);
        String imageKey = ObjectKeys.image(3, uploaded.documentId(), 1, 1, 0, "png");
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
        String keyOne = ObjectKeys.parsed(3, id, 1);
        String keyTwo = ObjectKeys.parsed(3, id, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.exists(keyOne));
        store.put(keyTwo, "{}".getBytes(StandardCharsets.UTF_8), "application/json");

        publisher.publish(DocumentDeleted.superseded(id, 1, 3));

        await().atMost(Duration.ofSeconds(30)).until(() -> !store.exists(keyOne));
        assertThat(store.exists(keyTwo)).isTrue();
    }
}
