package io.vectorless.gateway.messaging;

import io.vectorless.gateway.documents.DeletionCleanup;
import io.vectorless.schema.event.DocumentDeleted;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Removes the original files a deletion covers (and a whole document's records). The HTTP delete already does so
 * right away; this catches up on deletions whose removal was interrupted (a restart) and on superseded versions.
 */
@Component
class DeletionListener {
    private final DeletionCleanup cleanup;

    DeletionListener(DeletionCleanup cleanup) {
        this.cleanup = cleanup;
    }

    @KafkaListener(id = "gateway-originals-cleanup", topics = "${vectorless.kafka.topics.deleted:document.deleted}",
            groupId = "${spring.kafka.consumer.group-id:gateway-service}")
    void onDeleted(DocumentDeleted deleted) {
        cleanup.apply(deleted);
    }
}
