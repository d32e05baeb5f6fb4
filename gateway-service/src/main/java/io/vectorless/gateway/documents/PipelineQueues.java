package io.vectorless.gateway.documents;

import io.vectorless.schema.event.DocumentStatus;

import java.util.Optional;

/**
 * Where the pipeline's queues stand, so that a document that is only waiting its turn (a backlog, consumers still
 * rejoining after a restart) is told apart from one that stalled.
 */
public interface PipelineQueues {

    /** The queues at this moment; empty when the broker cannot be asked, and then nothing is judged stalled. */
    Optional<Snapshot> snapshot();

    interface Snapshot {
        /**
         * Whether the document's next step may still be queued: the consumers of its stage's topic, or the status
         * projection, have not committed past everything on the document's partition yet.
         */
        boolean waiting(long documentId, DocumentStatus status);
    }
}
