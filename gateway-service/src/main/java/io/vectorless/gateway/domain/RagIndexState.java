package io.vectorless.gateway.domain;

import io.vectorless.schema.event.DocumentStatus;

/** What a RAG index reports, derived from its document's pipeline state. */
public record RagIndexState(RagIndexStatus status, double progress, long usedBytes) {

    /** Documents whose extracted text is smaller than this are not worth indexing. */
    public static final long MIN_TEXT_BYTES = 500;

    public static RagIndexState of(DocumentRecord doc) {
        DocumentStatus status = doc.status();
        if (status == DocumentStatus.FAILED) {
            return new RagIndexState(RagIndexStatus.FAILED, doc.progress(), 0);
        }
        if (doc.indexedVersion() > 0 && doc.indexedVersion() == doc.version() || status == DocumentStatus.INDEXED) {
            if (doc.textBytes() != null && doc.textBytes() < MIN_TEXT_BYTES) {
                return new RagIndexState(RagIndexStatus.DOCUMENT_TOO_SMALL, 100.0, 0);
            }
            return new RagIndexState(RagIndexStatus.SUCCEEDED, 100.0, doc.indexBytes() == null ? 0 : doc.indexBytes());
        }
        if (status == DocumentStatus.QUEUED && doc.progress() == 0.0 && doc.indexedVersion() == 0) {
            return new RagIndexState(RagIndexStatus.CREATED, 0.0, 0);
        }
        return new RagIndexState(RagIndexStatus.PROCESSING, doc.progress(), 0);
    }

    /** A new index for a document would take the workspace's indexed original bytes past the cap. */
    public static boolean exceedsLimit(long workspaceIndexedBytes, long documentBytes, long maxBytes) {
        return workspaceIndexedBytes + documentBytes > maxBytes;
    }
}
