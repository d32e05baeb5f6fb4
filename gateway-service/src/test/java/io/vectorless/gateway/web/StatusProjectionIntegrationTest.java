package io.vectorless.gateway.web;

import io.vectorless.gateway.support.FakeIndexer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vectorless.schema.ContractFixturesTest.ContractSamples;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.Topics;
import io.vectorless.gateway.documents.StallWatchdog;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.gateway.support.Http;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.schema.store.StoredNode;
import io.vectorless.support.storage.ObjectStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StatusProjectionIntegrationTest extends GatewayTestBase {
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ObjectStore objects;
    @Autowired
    StallWatchdog watchdog;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void projectsStagesAndProgressAndIgnoresStaleOrBackwardEvents() {
        long ws = workspace();
        long id = uploadText(ws, 700).get("id").asLong();

        status(id, 1, ws, DocumentStatus.PARSING, 5);
        status(id, 1, ws, DocumentStatus.SUMMARIZING, 40.5);
        status(id, 1, ws, DocumentStatus.PARSING, 90);
        status(id, 1, ws, DocumentStatus.SUMMARIZING, 20);
        status(id, 7, ws, DocumentStatus.FAILED, 0);
        status(id, 1, ws, DocumentStatus.SUMMARIZING, 60.25);

        JsonNode doc = awaitDocument(id, d -> d.get("progress").asDouble() == 60.25);
        assertThat(doc.get("status").asText()).isEqualTo("summarizing");
        assertThat(doc.get("error").isNull()).isTrue();
    }

    @Test
    void failedStatusCarriesTheReason() throws Exception {
        long ws = workspace();
        long id = uploadText(ws, 700).get("id").asLong();

        // the contract fixture of a failed status, as ingest writes it, with this document's values
        ObjectNode failed = (ObjectNode) EventJson.mapper().readTree(
                ContractSamples.fixture("document-status-failed.json"));
        failed.put("eventId", UUID.randomUUID().toString()).put("occurredAt", Instant.now().toString())
                .put("documentId", id).put("workspaceId", ws);
        kafka.send(Topics.DOCUMENT_STATUS, Long.toString(id), failed.toString()).get(30, TimeUnit.SECONDS);

        JsonNode doc = awaitDocument(id, d -> d.get("status").asText().equals("failed"));
        assertThat(doc.get("error").asText()).isEqualTo(ContractSamples.failed().error());
        assertThat(http.get("/api/documents/" + id + "/tree").json().get("detail").asText())
                .contains("not indexed yet").contains("failed");
    }

    @Test
    void indexedCopiesTheResultAndServesTheTree() {
        long ws = workspace();
        long id = uploadText(ws, 700).get("id").asLong();
        status(id, 1, ws, DocumentStatus.PARSING, 10);
        awaitDocument(id, d -> d.get("status").asText().equals("parsing"));

        Http.Response early = http.get("/api/documents/" + id + "/tree");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asText()).contains("not indexed yet, status: parsing");

        String imageKey = ObjectKeys.image(ws, id, 1, 2, 0, "png");
        objects.put(imageKey, new byte[]{1, 2, 3}, "image/png");
        writeTree(id, 1, ws, imageKey);
        indexed(id, 1, ws, 5000);

        JsonNode doc = awaitDocument(id, d -> d.get("status").asText().equals("indexed"));
        assertThat(doc.get("doc_title").asText()).isEqualTo("Title v1");
        assertThat(doc.get("root_summary").asText()).isEqualTo("Summary v1");
        assertThat(doc.get("node_count").asInt()).isEqualTo(3);
        assertThat(doc.get("page_count").asInt()).isEqualTo(2);
        assertThat(doc.get("image_count").asInt()).isEqualTo(1);
        assertThat(doc.get("progress").asDouble()).isEqualTo(100.0);
        assertThat(doc.get("indexed_version").asInt()).isEqualTo(1);

        JsonNode tree = http.get("/api/documents/" + id + "/tree").json();
        assertThat(tree.get("node_id").asText()).isEqualTo("root");
        assertThat(tree.get("title").asText()).isEqualTo("Title v1");
        assertThat(tree.get("children")).hasSize(1);
        JsonNode intro = tree.get("children").get(0);
        assertThat(intro.get("node_id").asText()).isEqualTo("1");
        assertThat(intro.get("pages").asText()).isEqualTo("1-3");
        assertThat(intro.has("text")).isFalse();
        assertThat(intro.get("children").get(0).get("node_id").asText()).isEqualTo("1.1");
        assertThat(intro.get("children").get(0).get("pages").asText()).isEqualTo("2-3");
        assertThat(intro.get("children").get(0).has("children")).isFalse();

        JsonNode node = http.get("/api/documents/" + id + "/tree/1.1").json();
        assertThat(node.get("node_id").asText()).isEqualTo("1.1");
        assertThat(node.get("level").asInt()).isEqualTo(2);
        assertThat(node.get("start_page").asInt()).isEqualTo(2);
        assertThat(node.get("end_page").asInt()).isEqualTo(3);
        assertThat(node.get("text").asText()).isEqualTo("Text of 1.1 v1");
        assertThat(node.get("images").get(0).get("data").asText()).isEqualTo("AQID");
        assertThat(node.get("images").get(0).get("media_type").asText()).isEqualTo("image/png");
        assertThat(node.get("images").get(0).get("caption").asText()).isEqualTo("Page 2 visual content");
        assertThat(node.get("children")).isEmpty();
        JsonNode parent = http.get("/api/documents/" + id + "/tree/1").json();
        assertThat(parent.get("children").get(0).get("node_id").asText()).isEqualTo("1.1");
        assertThat(http.get("/api/documents/" + id + "/tree/9.9").status()).isEqualTo(404);

        FakeIndexer.shared().answering(false);
        try {
            Http.Response unavailable = http.get("/api/documents/" + id + "/tree");
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.json().get("detail").asText()).contains("indexer-service");
        } finally {
            FakeIndexer.shared().answering(true);
        }
    }

    @Test
    void replaceKeepsTheOldVersionLiveUntilTheNewOneIsIndexedThenSupersedesIt() {
        long ws = workspace();
        long id = uploadText(ws, 700).get("id").asLong();
        writeTree(id, 1, ws, null);
        indexed(id, 1, ws, 5000);
        awaitDocument(id, d -> d.get("status").asText().equals("indexed"));

        Http.Response replaced = http.multipart("/api/documents/" + id + "/replace", java.util.Map.of(
                "file", Http.FilePart.of("v2.md", unique("# Version two")), "username", "bob"));

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("id").asLong()).isEqualTo(id);
        assertThat(replaced.json().get("version").asInt()).isEqualTo(2);
        assertThat(replaced.json().get("indexed_version").asInt()).isEqualTo(1);
        assertThat(replaced.json().get("status").asText()).isEqualTo("queued");
        assertThat(replaced.json().get("file_name").asText()).isEqualTo("v2.md");
        assertThat(http.get("/api/documents/" + id + "/tree/1.1").json().get("text").asText())
                .isEqualTo("Text of 1.1 v1");
        await().atMost(Duration.ofSeconds(30)).until(() -> tap.uploaded(id).stream().anyMatch(e -> e.version() == 2));
        assertThat(hasOriginal(ws, id, 2)).isTrue();

        status(id, 1, ws, DocumentStatus.FAILED, 0);
        writeTree(id, 2, ws, null);
        indexed(id, 2, ws, 6000);

        JsonNode doc = awaitDocument(id, d -> d.get("indexed_version").asInt() == 2);
        assertThat(doc.get("status").asText()).isEqualTo("indexed");
        assertThat(doc.get("doc_title").asText()).isEqualTo("Title v2");
        assertThat(http.get("/api/documents/" + id + "/tree/1.1").json().get("text").asText())
                .isEqualTo("Text of 1.1 v2");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(tap.deleted(id)).anyMatch(e -> !e.wholeDocument() && e.version() == 1);
            assertThat(hasOriginal(ws, id, 1)).isFalse();
        });
        assertThat(hasOriginal(ws, id, 2)).isTrue();
        assertThat(tap.deleted(id)).noneMatch(DocumentDeleted::wholeDocument);
    }

    @Test
    void replaceWithAnotherDocumentsFileIs409() {
        long ws = workspace();
        String taken = unique("content of another document");
        http.upload(ws, "other.txt", taken);
        long id = uploadText(ws, 700).get("id").asLong();

        Http.Response replaced = http.multipart("/api/documents/" + id + "/replace", java.util.Map.of(
                "file", Http.FilePart.of("same.txt", taken), "username", "bob"));

        assertThat(replaced.status()).isEqualTo(409);
        assertThat(replaced.json().get("detail").asText()).contains("already holds");
        assertThat(http.get("/api/documents/" + id).json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void replayingTheSameEventsLeavesTheSameState() {
        long ws = workspace();
        long id = uploadText(ws, 700).get("id").asLong();
        var parsing = io.vectorless.schema.event.DocumentStatusChanged.progress(id, 1, ws, DocumentStatus.INDEXING, 30,
                "test");
        publisher.publish(parsing);
        JsonNode first = awaitDocument(id, d -> d.get("status").asText().equals("indexing"));

        publisher.publish(parsing);
        status(id, 1, ws, DocumentStatus.INDEXING, 31);

        JsonNode after = awaitDocument(id, d -> d.get("progress").asDouble() == 31);
        assertThat(after.get("status").asText()).isEqualTo(first.get("status").asText());
        assertThat(after.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void eventStreamSendsCurrentStateThenEachChangeAndEndsAfterAFinalStatus() throws Exception {
        long ws = workspace();
        long id = uploadText(ws, 700).get("id").asLong();
        var lines = Http.client().send(http.request("/api/documents/" + id + "/events").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(lines.statusCode()).isEqualTo(200);
        assertThat(lines.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");

        var statuses = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var reader = java.util.concurrent.CompletableFuture.runAsync(() -> lines.body()
                .filter(line -> line.startsWith("data:"))
                .map(line -> line.substring(5).trim())
                .forEach(json -> statuses.add(readStatus(json))));
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.contains("queued"));
        status(id, 1, ws, DocumentStatus.PARSING, 10);
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.contains("parsing"));
        indexed(id, 1, ws, 5000);

        reader.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(statuses).startsWith("queued", "parsing").endsWith("indexed");
    }

    @Test
    void eventStreamOfUnknownDocumentIs404EvenForEventSourceClients() {
        Http.Response response = http.send(http.request("/api/documents/77777777/events")
                .header("Accept", "text/event-stream").GET());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("77777777");
    }

    @Test
    void replacingAVersionThatNeverWentLiveRemovesItRightAway() {
        long ws = workspace();
        long id = uploadText(ws, 700).get("id").asLong();

        Http.Response replaced = http.multipart("/api/documents/" + id + "/replace", java.util.Map.of(
                "file", Http.FilePart.of("v2.txt", unique("second take")), "username", "bob"));

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("indexed_version").asInt()).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(tap.deleted(id)).anyMatch(e -> !e.wholeDocument() && e.version() == 1);
            assertThat(hasOriginal(ws, id, 1)).isFalse();
        });
        assertThat(hasOriginal(ws, id, 2)).isTrue();
        status(id, 1, ws, DocumentStatus.PARSING, 50);
        status(id, 2, ws, DocumentStatus.PARSING, 5);
        JsonNode doc = awaitDocument(id, d -> d.get("status").asText().equals("parsing"));
        assertThat(doc.get("progress").asDouble()).isEqualTo(5.0);
    }

    @Test
    void aDeletionEventAloneRemovesTheRecordsAndOriginals() {
        long ws = workspace();
        long id = uploadText(ws, 700).get("id").asLong();

        publisher.publish(DocumentDeleted.document(id, 1, ws, "deleted while the gateway was down"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(http.get("/api/documents/" + id).status()).isEqualTo(404);
            assertThat(hasOriginal(ws, id, 1)).isFalse();
        });
    }

    @Test
    void uploadCanWaitForTheFinalStatus() throws Exception {
        long ws = workspace();
        String content = unique("waited-for content");
        long id = http.upload(ws, "w.txt", content).json().get("id").asLong();
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> http.multipart(
                "/api/documents/upload?wait=60", java.util.Map.of("file", Http.FilePart.of("w.txt", content),
                        "workspace_id", ws, "username", "alice")));

        indexed(id, 1, ws, 5000);

        Http.Response response = waiting.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("indexed");
        assertThat(http.multipart("/api/documents/upload?wait=100000", java.util.Map.of(
                "file", Http.FilePart.of("x.txt", unique("x")), "workspace_id", ws, "username", "a")).status())
                .isEqualTo(400);
    }

    @Test
    void watchdogRedrivesAStalledDocumentOnceThenFailsItWithAReason() {
        long ws = workspace();
        long id = uploadText(ws, 700).get("id").asLong();
        status(id, 1, ws, DocumentStatus.INDEXING, 50);
        awaitDocument(id, d -> d.get("status").asText().equals("indexing"));
        await().atMost(Duration.ofSeconds(30)).until(() -> tap.uploaded(id).size() == 1);

        Instant later = Instant.now().plus(Duration.ofMinutes(11));
        watchdog.sweep(later);

        JsonNode redriven = http.get("/api/documents/" + id).json();
        assertThat(redriven.get("status").asText()).isEqualTo("queued");
        await().atMost(Duration.ofSeconds(30)).until(() -> tap.uploaded(id).size() == 2);
        watchdog.sweep(later.plus(Duration.ofMinutes(5)));
        assertThat(http.get("/api/documents/" + id).json().get("status").asText()).isEqualTo("queued");

        watchdog.sweep(later.plus(Duration.ofMinutes(11)));
        // no ingest runs here, so the re-driven upload waits in its queue: that is not a stall
        assertThat(http.get("/api/documents/" + id).json().get("status").asText()).isEqualTo("queued");

        watchdog.sweep(later.plus(Duration.ofHours(7))); // past the queue-wait ceiling (6 h)

        JsonNode failed = http.get("/api/documents/" + id).json();
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").asText()).isEqualTo("no progress for 10 minutes in stage queued");
    }

    private static String readStatus(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("status").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void writeTree(long id, int version, long ws, String imageKey) {
        List<StoredNode> nodes = List.of(
                new StoredNode(StoredNode.idOf(id, version, "root"), id, version, ws, "root", null, 0, 0,
                        "Root v" + version, "Root summary", 1, 3, "", List.of(), List.of("1"), 0),
                new StoredNode(StoredNode.idOf(id, version, "1"), id, version, ws, "1", "root", 1, 1,
                        "Introduction", "Background", 1, 3, "Text of 1 v" + version, List.of(), List.of("1.1"), 5),
                new StoredNode(StoredNode.idOf(id, version, "1.1"), id, version, ws, "1.1", "1", 2, 2,
                        "Problem Statement", "The challenge", 2, 3, "Text of 1.1 v" + version,
                        imageKey == null ? List.of() : List.of(imageKey), List.of(), 5));
        FakeIndexer.shared().save(nodes);
    }

    private boolean hasOriginal(long ws, long id, int version) {
        return objects.list(ObjectKeys.versionPrefix(ws, id, version)).stream().anyMatch(ObjectKeys::isOriginal);
    }
}
