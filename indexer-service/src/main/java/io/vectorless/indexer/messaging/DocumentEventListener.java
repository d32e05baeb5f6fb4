package io.vectorless.indexer.messaging;

import io.vectorless.indexer.indexing.DocumentIndexer;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentEvent;
import io.vectorless.schema.event.DocumentParsed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes parsed documents (to index them) and deletions (to remove their nodes). */
@Component
class DocumentEventListener {
    private static final Logger log = LoggerFactory.getLogger(DocumentEventListener.class);

    private final DocumentIndexer indexer;

    DocumentEventListener(DocumentIndexer indexer) {
        this.indexer = indexer;
    }

    @KafkaListener(id = "indexer-parsed", idIsGroup = false,
            topics = "${vectorless.kafka.topics.parsed:document.parsed}")
    void onParsed(String json) {
        DocumentEvent event = EventJson.readEvent(json);
        if (!(event instanceof DocumentParsed parsed)) {
            log.warn("ignored a {} on the parsed topic", event.getClass().getSimpleName());
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable("documentId", Long.toString(event.documentId()))) {
            indexer.index(parsed);
        }
    }

    @KafkaListener(id = "indexer-deleted", idIsGroup = false,
            topics = "${vectorless.kafka.topics.deleted:document.deleted}")
    void onDeleted(String json) {
        DocumentEvent event = EventJson.readEvent(json);
        if (!(event instanceof DocumentDeleted deleted)) {
            log.warn("ignored a {} on the deleted topic", event.getClass().getSimpleName());
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable("documentId", Long.toString(event.documentId()))) {
            indexer.delete(deleted);
        }
    }
}
