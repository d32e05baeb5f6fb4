package io.vectorless.gateway.ragindex.storage;

import io.vectorless.gateway.domain.EmbeddingModel;
import io.vectorless.gateway.domain.RagIndexRecord;
import io.vectorless.gateway.domain.RagIndexStatus;
import io.vectorless.schema.store.StoreNames;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A row of {@code rag_indexes} as Spring Data maps it; model and status are stored by their wire names. */
@Document(StoreNames.RAG_INDEXES)
record StoredRagIndex(@Id String id, long documentId, long workspaceId, String model, String status, double progress,
                      long usedBytes, long originalBytes, Instant createdAt, Instant updatedAt) {

    static StoredRagIndex of(RagIndexRecord r) {
        return new StoredRagIndex(r.id(), r.documentId(), r.workspaceId(), r.model().wire(), r.status().wire(),
                r.progress(), r.usedBytes(), r.originalBytes(), r.createdAt(), r.updatedAt());
    }

    RagIndexRecord toRecord() {
        return new RagIndexRecord(id, documentId, workspaceId,
                EmbeddingModel.fromWire(model).orElse(EmbeddingModel.E5_MISTRAL_7B_INSTRUCT),
                RagIndexStatus.fromWire(status), progress, usedBytes, originalBytes, createdAt, updatedAt);
    }
}
