package io.vectorless.ingest.messaging;

import io.vectorless.ingest.ingestion.DocumentIngestion;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentUploaded;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Uploaded documents get parsed; deleted ones lose what ingest stored for them. The offset of a record is committed
 * only after the listener returned, that is after ingest's objects are stored and its events acknowledged.
 */
@Component
class DocumentEventsListener {
    private final DocumentIngestion ingestion;

    DocumentEventsListener(DocumentIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @KafkaListener(id = "ingest-uploaded", idIsGroup = false,
            topics = "${vectorless.kafka.topics.uploaded:document.uploaded}")
    void onUploaded(DocumentUploaded uploaded) {
        ingestion.ingest(uploaded);
    }

    @KafkaListener(id = "ingest-deleted", idIsGroup = false,
            topics = "${vectorless.kafka.topics.deleted:document.deleted}")
    void onDeleted(DocumentDeleted deleted) {
        ingestion.delete(deleted);
    }
}
