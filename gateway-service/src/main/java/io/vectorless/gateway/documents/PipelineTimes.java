package io.vectorless.gateway.documents;

import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.support.metrics.PipelineMeters;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * End-to-end times as a user sees them: from the start of a document's run (its upload, replacement, re-index or
 * re-drive) to {@code parsed}, {@code indexed} or {@code failed}, measured where every status arrives.
 */
@Component
public class PipelineTimes {
    private final DocumentStore docs;
    private final PipelineMeters meters;

    public PipelineTimes(DocumentStore docs, PipelineMeters meters) {
        this.docs = docs;
        this.meters = meters;
        for (DocumentStatus until : new DocumentStatus[]{DocumentStatus.PARSED, DocumentStatus.INDEXED,
                DocumentStatus.FAILED}) {
            meters.declarePipeline(until.wire());
        }
    }

    public void observe(DocumentStatusChanged event) {
        DocumentStatus status = event.status();
        if (status != DocumentStatus.PARSED && status != DocumentStatus.INDEXED && status != DocumentStatus.FAILED) {
            return;
        }
        docs.find(event.documentId())
                .filter(record -> record.version() == event.version() && record.runStartedAt() != null
                        && event.occurredAt() != null && !event.occurredAt().isBefore(record.runStartedAt()))
                .ifPresent(record -> meters.recordPipeline(status.wire(),
                        Duration.between(record.runStartedAt(), event.occurredAt())));
    }
}
