package io.vectorless.ingest.messaging;

import io.vectorless.ingest.pipeline.DocumentIngestion;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentEvent;
import io.vectorless.schema.event.DocumentUploaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Uploaded documents get parsed; deleted ones lose what ingest stored for them. */
@Component
class DocumentEventsListener {
    private static final Logger log = LoggerFactory.getLogger(DocumentEventsListener.class);

    private final DocumentIngestion ingestion;

    DocumentEventsListener(DocumentIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @KafkaListener(id = "ingest-uploaded", idIsGroup = false,
            topics = "${vectorless.kafka.topics.uploaded:document.uploaded}")
    void onUploaded(String json) {
        DocumentEvent event = EventJson.readEvent(json);
        try (MDC.MDCCloseable ignored = MDC.putCloseable("documentId", Long.toString(event.documentId()))) {
            if (event instanceof DocumentUploaded uploaded) {
                ingestion.ingest(uploaded);
            } else {
                log.warn("ignored a {} on the uploaded topic", event.getClass().getSimpleName());
            }
        }
    }

    @KafkaListener(id = "ingest-deleted", idIsGroup = false,
            topics = "${vectorless.kafka.topics.deleted:document.deleted}")
    void onDeleted(String json) {
        DocumentEvent event = EventJson.readEvent(json);
        try (MDC.MDCCloseable ignored = MDC.putCloseable("documentId", Long.toString(event.documentId()))) {
            if (event instanceof DocumentDeleted deleted) {
                ingestion.delete(deleted);
            } else {
                log.warn("ignored a {} on the deleted topic", event.getClass().getSimpleName());
            }
        }
    }
}
