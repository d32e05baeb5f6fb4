package io.vectorless.indexer.messaging;

import io.vectorless.indexer.indexing.DocumentIndexer;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentParsed;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes parsed documents (to index them) and deletions (to remove their nodes). The offset of a record is
 * committed only after the listener returned, that is after the nodes are written and the status acknowledged.
 */
@Component
class DocumentEventListener {
    private final DocumentIndexer indexer;

    DocumentEventListener(DocumentIndexer indexer) {
        this.indexer = indexer;
    }

    @KafkaListener(id = "indexer-parsed", idIsGroup = false,
            topics = "${vectorless.kafka.topics.parsed:document.parsed}")
    void onParsed(DocumentParsed parsed) {
        indexer.index(parsed);
    }

    @KafkaListener(id = "indexer-deleted", idIsGroup = false,
            topics = "${vectorless.kafka.topics.deleted:document.deleted}")
    void onDeleted(DocumentDeleted deleted) {
        indexer.delete(deleted);
    }
}
