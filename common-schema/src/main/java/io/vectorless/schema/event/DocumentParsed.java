package io.vectorless.schema.event;

import java.time.Instant;

/**
 * Ingest parsed a document. The parsed content itself is in object storage under {@link #parsedObjectKey()}
 * (claim check): large payloads never ride on Kafka.
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
        boolean quickIndex) implements DocumentEvent {

    public static DocumentParsed of(long documentId, int version, long workspaceId, String parsedObjectKey,
                                    String format, int pageCount, long textBytes, boolean quickIndex) {
        return new DocumentParsed(Events.newId(), Instant.now(), SCHEMA_VERSION, documentId, version, workspaceId,
                parsedObjectKey, format, pageCount, textBytes, quickIndex);
    }
}
