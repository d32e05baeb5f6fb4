package io.vectorless.schema.event;

import java.time.Instant;

/**
 * A user edited the document's title or file name (a {@code PATCH} at the gateway); {@code null} leaves that field
 * as it was. The edit belongs to the document, not to a version: it outlives reindexing and replacement, which carry
 * the pipeline's own title. Readers apply an edit only over an older one ({@code occurredAt}), so replays are
 * harmless. {@code version} is the document's newest version when it was edited.
 */
public record DocumentEdited(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        long documentId,
        int version,
        long workspaceId,
        String docTitle,
        String fileName) implements DocumentEvent {

    public static DocumentEdited of(long documentId, int version, long workspaceId, String docTitle, String fileName) {
        return new DocumentEdited(Events.newId(), Instant.now(), SCHEMA_VERSION, documentId, version, workspaceId,
                docTitle, fileName);
    }
}
