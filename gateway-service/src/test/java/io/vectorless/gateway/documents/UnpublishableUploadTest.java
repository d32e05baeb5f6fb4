package io.vectorless.gateway.documents;

import io.vectorless.gateway.ragindex.RagIndexSync;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vectorless.gateway.config.OutboxProperties;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.gateway.storage.IdSequence;
import io.vectorless.gateway.workspaces.storage.WorkspaceStore;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.schema.event.DocumentEvent;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentUploaded;
import io.vectorless.support.messaging.EventPublisher;
import io.vectorless.support.messaging.MessagingProperties;
import io.vectorless.support.storage.ObjectStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real stores, with a publisher whose broker refuses every event, then the real one once "Kafka is back". */
class UnpublishableUploadTest extends GatewayTestBase {
    @Autowired
    DocumentStore docs;
    @Autowired
    WorkspaceStore workspaces;
    @Autowired
    IdSequence ids;
    @Autowired
    ObjectStore objects;
    @Autowired
    DeletionCleanup cleanup;
    @Autowired
    RagIndexSync ragSync;
    @Autowired
    MessagingProperties messaging;
    @Autowired
    UploadOutbox outbox;

    private EventPublisher refusing() {
        return new EventPublisher(null, messaging) {
            @Override
            public void publish(DocumentEvent event, Duration timeout) {
                throw new IllegalStateException("Kafka did not take the event: broker unreachable");
            }

            @Override
            public CompletableFuture<?> send(DocumentEvent event) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker unreachable"));
            }
        };
    }

    private DocumentService withBrokenKafka() {
        EventPublisher refusing = refusing();
        UploadOutbox brokenOutbox = new UploadOutbox(docs, refusing, new SimpleMeterRegistry(),
                new OutboxProperties(Duration.ofMillis(200), Duration.ofHours(1)));
        return new DocumentService(docs, workspaces, ids, objects, refusing, cleanup, ragSync,
                new SimpleMeterRegistry(), brokenOutbox);
    }

    @Test
    void uploadKafkaDoesNotTakeStaysQueuedAndIsPublishedOnceKafkaAnswers() {
        long ws = workspace();
        byte[] content = unique("queued while Kafka is away").getBytes(StandardCharsets.UTF_8);

        DocumentService.UploadOutcome outcome = withBrokenKafka().upload(ws, "alice", false,
                new IncomingFile("a.txt", () -> new ByteArrayInputStream(content)));

        assertThat(outcome.created()).isTrue();
        long id = outcome.document().id();
        DocumentRecord stored = docs.find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(DocumentStatus.QUEUED);
        assertThat(stored.error()).isNull();
        assertThat(stored.outbox()).contains("\"uploadId\":\"" + stored.uploadId() + "\"");
        assertThat(tap.uploaded(id)).isEmpty();

        // Kafka is back: the sweep publishes what the outbox kept, exactly that event, and clears it
        assertThat(outbox.sweep(Instant.now().plusSeconds(60))).isGreaterThanOrEqualTo(1);
        assertThat(docs.find(id).orElseThrow().outbox()).isNull();
        await().atMost(Duration.ofSeconds(20)).until(() -> !tap.uploaded(id).isEmpty());
        DocumentUploaded published = tap.uploaded(id).get(0);
        assertThat(published.uploadId()).isEqualTo(stored.uploadId());
        assertThat(published.objectKey()).contains("/u-" + stored.uploadId() + "/");
        assertThat(objects.exists(published.objectKey())).isTrue();
        assertThat(docs.find(id).orElseThrow().status()).isEqualTo(DocumentStatus.QUEUED);
    }

    @Test
    void deleteThatCannotBeAnnouncedKeepsTheDocumentAndAnswers503() {
        long ws = workspace();
        long id = uploadText(ws, 600).get("id").asLong();

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> withBrokenKafka().delete(id, "test"), io.vectorless.gateway.domain.ApiException.class)
                .status()).isEqualTo(503);
        assertThat(docs.find(id)).isPresent();
    }

    @Test
    void aTitleEditThatCannotBeAnnouncedIsNotStoredAndAnswers503() {
        long ws = workspace();
        long id = uploadText(ws, 600).get("id").asLong();
        String before = docs.find(id).orElseThrow().docTitle();

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> withBrokenKafka().patch(id, null, "Never shown"), io.vectorless.gateway.domain.ApiException.class)
                .status()).isEqualTo(503);
        DocumentRecord stored = docs.find(id).orElseThrow();
        assertThat(stored.docTitle()).isEqualTo(before);
        assertThat(stored.userDocTitle()).isFalse();
        assertThat(tap.edited(id)).isEmpty();
    }
}
