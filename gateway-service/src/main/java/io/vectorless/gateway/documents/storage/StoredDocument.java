package io.vectorless.gateway.documents.storage;

import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.store.StoreNames;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A row of {@code documents} as Spring Data maps it. Property names are the stored field names (those other readers
 * use are in {@code StoreFields.Document}); the status is stored as its wire name, which the console and the
 * status counts read. {@code revision} is the optimistic lock: a save of a revision someone else has moved on from
 * fails instead of overwriting their change.
 */
@Document(StoreNames.DOCUMENTS)
record StoredDocument(
        @Id long id, long workspaceId, String username, String fileName, String docTitle, String rootSummary,
        String fileHash, long fileSize, String contentType, boolean quickIndex, String status, double progress,
        String error, int version, int indexedVersion, Integer pageCount, Integer nodeCount, Integer imageCount,
        Long textBytes, Long indexBytes, Instant createdAt, Instant updatedAt, Instant statusChangedAt,
        Instant runStartedAt, String lastEventId, int stallRetries, String uploadId, String outbox,
        boolean userFileName, boolean userDocTitle, @Version Long revision) {

    static StoredDocument of(DocumentRecord d, Long revision) {
        return new StoredDocument(d.id(), d.workspaceId(), d.username(), d.fileName(), d.docTitle(), d.rootSummary(),
                d.fileHash(), d.fileSize(), d.contentType(), d.quickIndex(), d.status().wire(), d.progress(),
                d.error(), d.version(), d.indexedVersion(), d.pageCount(), d.nodeCount(), d.imageCount(),
                d.textBytes(), d.indexBytes(), d.createdAt(), d.updatedAt(), d.statusChangedAt(), d.runStartedAt(),
                d.lastEventId(), d.stallRetries(), d.uploadId(), d.outbox(), d.userFileName(), d.userDocTitle(),
                revision);
    }

    DocumentRecord toRecord() {
        return new DocumentRecord(id, workspaceId, username, fileName, docTitle, rootSummary, fileHash, fileSize,
                contentType, quickIndex, status == null ? DocumentStatus.QUEUED : DocumentStatus.fromWire(status),
                progress, error, version, indexedVersion, pageCount, nodeCount, imageCount, textBytes, indexBytes,
                createdAt, updatedAt, statusChangedAt, runStartedAt, lastEventId, stallRetries, uploadId, outbox,
                userFileName, userDocTitle);
    }

    /** How Spring Data sets the next revision on the immutable record after a save. */
    StoredDocument withRevision(Long next) {
        return new StoredDocument(id, workspaceId, username, fileName, docTitle, rootSummary, fileHash, fileSize,
                contentType, quickIndex, status, progress, error, version, indexedVersion, pageCount, nodeCount,
                imageCount, textBytes, indexBytes, createdAt, updatedAt, statusChangedAt, runStartedAt, lastEventId,
                stallRetries, uploadId, outbox, userFileName, userDocTitle, next);
    }
}
