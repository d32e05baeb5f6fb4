package io.vectorless.schema.event;

import java.time.Instant;

/**
 * A document (every version) or one superseded version of it is gone. Each service removes what it wrote:
 * ingest the parsed documents and page images, the indexer the nodes, the gateway the original files.
 */
public record DocumentDeleted(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        long documentId,
        int version,
        long workspaceId,
        boolean wholeDocument,
        String reason) implements DocumentEvent {

    /** Every version of the document is deleted; {@code version} is the newest one known. */
    public static DocumentDeleted document(long documentId, int version, long workspaceId, String reason) {
        return new DocumentDeleted(Events.newId(), Instant.now(), SCHEMA_VERSION, documentId, version, workspaceId,
                true, reason);
    }

    /** Only {@code version} is deleted, because a newer one is indexed. */
    public static DocumentDeleted superseded(long documentId, int version, long workspaceId) {
        return new DocumentDeleted(Events.newId(), Instant.now(), SCHEMA_VERSION, documentId, version, workspaceId,
                false, "superseded by a newer version");
    }

    /** Whether data written for {@code someVersion} of this document must go. */
    public boolean covers(int someVersion) {
        return wholeDocument || someVersion == version;
    }
}
