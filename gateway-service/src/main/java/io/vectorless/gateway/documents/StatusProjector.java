package io.vectorless.gateway.documents;

import io.vectorless.gateway.ragindex.RagIndexSync;

import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.domain.StatusProjection;
import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.gateway.documents.storage.StructureStore;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.support.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Optional;

/** Applies pipeline status events to documents and their RAG-index records. */
@Service
public class StatusProjector {
    private static final Logger log = LoggerFactory.getLogger(StatusProjector.class);

    private final DocumentStore docs;
    private final EventPublisher events;
    private final RagIndexSync ragSync;
    private final StructureStore structures;

    public StatusProjector(DocumentStore docs, EventPublisher events, RagIndexSync ragSync,
                           StructureStore structures) {
        this.docs = docs;
        this.events = events;
        this.ragSync = ragSync;
        this.structures = structures;
    }

    /**
     * Folds one event into its document; harmless to repeat (see {@link StatusProjection}), which is what lets
     * {@code StatusReplay} rebuild the projection from the topic.
     *
     * @return whether the document changed
     */
    public boolean apply(DocumentStatusChanged event) {
        Optional<DocumentRecord> current = docs.find(event.documentId());
        if (current.isEmpty()) {
            log.debug("status for unknown document {} ignored", event.documentId());
            return false;
        }
        StatusProjection.Outcome preview = StatusProjection.apply(current.get(), event, Instant.now());
        if (preview.supersededVersion() > 0) {
            // published before the document changes: if this fails the event is redelivered and tried again
            events.publish(DocumentDeleted.superseded(event.documentId(), preview.supersededVersion(),
                    current.get().workspaceId()));
        }
        Instant now = Instant.now();
        Optional<DocumentStore.Change> change = docs.update(event.documentId(),
                d -> StatusProjection.apply(d, event, now).updated());
        DocumentRecord latest = change.map(DocumentStore.Change::after)
                .or(() -> docs.find(event.documentId()))
                .orElse(null);
        if (latest != null) {
            keepStructure(event, latest);
            ragSync.refresh(latest);
        }
        return change.isPresent();
    }

    /** The structure report travels on the final status event; it is kept for the version that now answers. */
    private void keepStructure(DocumentStatusChanged event, DocumentRecord latest) {
        if (event.status() == DocumentStatus.INDEXED && event.result() != null && event.result().structure() != null
                && latest.indexedVersion() == event.version()) {
            structures.save(event.documentId(), event.version(), event.result().structure());
        }
    }
}
