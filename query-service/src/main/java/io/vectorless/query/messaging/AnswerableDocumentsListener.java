package io.vectorless.query.messaging;

import io.vectorless.query.storage.AnswerableDocuments;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentEdited;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.schema.event.IndexResult;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps query-service's list of answerable documents from the pipeline's own events: a version becomes answerable
 * when the indexer reports it {@code indexed} (its search index is in object storage by then, under the key the
 * event names), a user's edit of the title or file name is shown from then on, and a deleted document stops
 * answering. The offset is committed after the write, and every write may be repeated, so a crash
 * or a rebalance replays rather than loses; a new replica's group reads the topics from the start.
 */
@Component
class AnswerableDocumentsListener {
    private final AnswerableDocuments documents;

    AnswerableDocumentsListener(AnswerableDocuments documents) {
        this.documents = documents;
    }

    @KafkaListener(id = "query-answerable-indexed", topics = "${vectorless.kafka.topics.status:document.status}",
            groupId = "${spring.kafka.consumer.group-id:query-service}")
    void onStatus(DocumentStatusChanged status) {
        if (status.status() != DocumentStatus.INDEXED) {
            return;
        }
        IndexResult result = status.result();
        documents.indexed(status.documentId(), status.workspaceId(), status.version(),
                result == null ? null : result.docTitle(), result == null ? null : result.fileName(),
                result == null ? null : result.rootSummary(), result == null ? null : result.searchIndexKey());
    }

    /** A user's title or file name: shown in citations from now on, and kept through reindexing. */
    @KafkaListener(id = "query-answerable-edited", topics = "${vectorless.kafka.topics.edited:document.edited}",
            groupId = "${spring.kafka.consumer.group-id:query-service}")
    void onEdited(DocumentEdited edited) {
        documents.edited(edited.documentId(), edited.workspaceId(), edited.docTitle(), edited.fileName(),
                edited.occurredAt());
    }

    /** A superseded version needs nothing: the newer version's {@code indexed} event replaces it. */
    @KafkaListener(id = "query-answerable-deleted", topics = "${vectorless.kafka.topics.deleted:document.deleted}",
            groupId = "${spring.kafka.consumer.group-id:query-service}")
    void onDeleted(DocumentDeleted deleted) {
        if (deleted.wholeDocument()) {
            documents.deleted(deleted.documentId(), deleted.workspaceId());
        }
    }
}
