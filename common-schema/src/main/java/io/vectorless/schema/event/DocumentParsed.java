package io.vectorless.schema.event;

import java.time.Instant;

/**
 * Ingest parsed a document. The parsed content itself is in object storage under {@link #parsedObjectKey()}
 * (claim check): large payloads never ride on Kafka. The event carries everything the indexer needs about the
 * upload (file name, content type, the parser's title, the upload identity), so the indexer reads no other service's
 * records.
 */
public record DocumentParsed(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        long documentId,
        int version,
        long workspaceId,
        String parsedObjectKey,
        String format,
        int pageCount,
        long textBytes,
        boolean quickIndex,
        String uploadId,
        String fileName,
        String contentType,
        String title) implements DocumentEvent {

    public static DocumentParsed of(long documentId, int version, long workspaceId, String parsedObjectKey,
                                    String format, int pageCount, long textBytes, boolean quickIndex) {
        return new DocumentParsed(Events.newId(), Instant.now(), SCHEMA_VERSION, documentId, version, workspaceId,
                parsedObjectKey, format, pageCount, textBytes, quickIndex, null, null, null, null);
    }

    /** The parsed event for {@code uploaded}, whose parsed form is under {@code parsedObjectKey}. */
    public static DocumentParsed of(DocumentUploaded uploaded, String parsedObjectKey, String format, int pageCount,
                                    long textBytes, String title) {
        return new DocumentParsed(Events.newId(), Instant.now(), SCHEMA_VERSION, uploaded.documentId(),
                uploaded.version(), uploaded.workspaceId(), parsedObjectKey, format, pageCount, textBytes,
                uploaded.quickIndex(), uploaded.uploadId(), uploaded.fileName(), uploaded.contentType(), title);
    }
}
