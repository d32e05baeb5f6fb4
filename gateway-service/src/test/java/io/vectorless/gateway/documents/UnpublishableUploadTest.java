package io.vectorless.gateway.documents;

import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.storage.DocumentStore;
import io.vectorless.gateway.storage.IdSequence;
import io.vectorless.gateway.storage.WorkspaceStore;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.schema.event.DocumentEvent;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.support.messaging.EventPublisher;
import io.vectorless.support.messaging.MessagingProperties;
import io.vectorless.support.storage.ObjectStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The real stores, with a publisher whose broker refuses every event. */
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

    private DocumentService withBrokenKafka() {
        EventPublisher refusing = new EventPublisher(null, messaging) {
            @Override
            public void publish(DocumentEvent event) {
                throw new IllegalStateException("Kafka did not take the event: broker unreachable");
            }
        };
        return new DocumentService(docs, workspaces, ids, objects, refusing, cleanup, ragSync,
                new SimpleMeterRegistry());
    }

    @Test
    void uploadThatCannotBeQueuedIsMarkedFailedWithAReason() {
        long ws = workspace();
        byte[] content = unique("never queued").getBytes(StandardCharsets.UTF_8);

        DocumentService.UploadOutcome outcome = withBrokenKafka().upload(ws, "alice", false,
                new IncomingFile("a.txt", () -> new ByteArrayInputStream(content)));

        assertThat(outcome.created()).isTrue();
        DocumentRecord stored = docs.find(outcome.document().id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(DocumentStatus.FAILED);
        assertThat(stored.error()).startsWith("Could not queue the document for processing")
                .contains("broker unreachable");
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
}
