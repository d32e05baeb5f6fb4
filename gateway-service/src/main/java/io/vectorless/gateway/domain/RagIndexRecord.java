package io.vectorless.gateway.domain;

import java.time.Instant;

/** One row of {@code rag_indexes}: the index of one document for one embedding model. */
public record RagIndexRecord(
        String id,
        long documentId,
        long workspaceId,
        EmbeddingModel model,
        RagIndexStatus status,
        double progress,
        long usedBytes,
        long originalBytes,
        Instant createdAt,
        Instant updatedAt) {

    /** Ids are derived from (document, model), so a repeated get-or-create finds the same record. */
    public static String idOf(long documentId, EmbeddingModel model) {
        return documentId + "_" + model.wire();
    }

    public RagIndexRecord withState(RagIndexState state, Instant now) {
        return new RagIndexRecord(id, documentId, workspaceId, model, state.status(), state.progress(),
                state.usedBytes(), originalBytes, createdAt, now);
    }
}
