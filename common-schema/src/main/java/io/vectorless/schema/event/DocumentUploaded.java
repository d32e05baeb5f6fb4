package io.vectorless.schema.event;

import java.time.Instant;

/**
 * The gateway stored an original file; ingest parses it. {@code uploadId} is a random identity of this upload (one
 * per upload, replace or re-drive of the same file version keeps it): it is part of every object key written for the
 * upload, so objects left by a lost upload can never be taken for another one's.
 */
public record DocumentUploaded(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        long documentId,
        int version,
        long workspaceId,
        String fileName,
        String contentType,
        long fileSize,
        String fileHash,
        String objectKey,
        boolean quickIndex,
        String username,
        String uploadId) implements DocumentEvent {

    public static DocumentUploaded of(long documentId, int version, long workspaceId, String fileName,
                                      String contentType, long fileSize, String fileHash, String objectKey,
                                      boolean quickIndex, String username) {
        return of(documentId, version, workspaceId, fileName, contentType, fileSize, fileHash, objectKey, quickIndex,
                username, null);
    }

    public static DocumentUploaded of(long documentId, int version, long workspaceId, String fileName,
                                      String contentType, long fileSize, String fileHash, String objectKey,
                                      boolean quickIndex, String username, String uploadId) {
        return new DocumentUploaded(Events.newId(), Instant.now(), SCHEMA_VERSION, documentId, version, workspaceId,
                fileName, contentType, fileSize, fileHash, objectKey, quickIndex, username, uploadId);
    }
}
