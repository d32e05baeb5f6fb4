package io.vectorless.schema.event;

import java.time.Instant;

/** The gateway stored an original file; ingest parses it. */
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
        String username) implements DocumentEvent {

    public static DocumentUploaded of(long documentId, int version, long workspaceId, String fileName,
                                      String contentType, long fileSize, String fileHash, String objectKey,
                                      boolean quickIndex, String username) {
        return new DocumentUploaded(Events.newId(), Instant.now(), SCHEMA_VERSION, documentId, version, workspaceId,
                fileName, contentType, fileSize, fileHash, objectKey, quickIndex, username);
    }
}
