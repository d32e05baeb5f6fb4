package io.vectorless.schema.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A stage of the pipeline started, progressed, finished or failed. The gateway's projection turns these into the
 * document's status, progress and error. {@code result} is present only with {@link DocumentStatus#INDEXED}.
 * {@code stage} optionally names the step inside a status that the progress counts (for example {@code ocr}
 * while {@code parsing}: percent by recognised pages); absent from the JSON when there is none.
 */
public record DocumentStatusChanged(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        long documentId,
        int version,
        long workspaceId,
        DocumentStatus status,
        double progress,
        String error,
        String source,
        IndexResult result,
        @JsonInclude(JsonInclude.Include.NON_NULL) String stage) implements DocumentEvent {

    public DocumentStatusChanged(String eventId, Instant occurredAt, int schemaVersion, long documentId, int version,
                                 long workspaceId, DocumentStatus status, double progress, String error, String source,
                                 IndexResult result) {
        this(eventId, occurredAt, schemaVersion, documentId, version, workspaceId, status, progress, error, source,
                result, null);
    }

    /** Progress within a named stage of a status, e.g. pages recognised while parsing. */
    public static DocumentStatusChanged progress(long documentId, int version, long workspaceId,
                                                 DocumentStatus status, double progress, String stage,
                                                 String source) {
        return new DocumentStatusChanged(Events.newId(), Instant.now(), SCHEMA_VERSION, documentId, version,
                workspaceId, status, progress, null, source, null, stage);
    }

    public static DocumentStatusChanged progress(long documentId, int version, long workspaceId,
                                                 DocumentStatus status, double progress, String source) {
        return new DocumentStatusChanged(Events.newId(), Instant.now(), SCHEMA_VERSION, documentId, version,
                workspaceId, status, progress, null, source, null);
    }

    public static DocumentStatusChanged failed(long documentId, int version, long workspaceId, String error,
                                               String source) {
        return new DocumentStatusChanged(Events.newId(), Instant.now(), SCHEMA_VERSION, documentId, version,
                workspaceId, DocumentStatus.FAILED, 100.0, error, source, null);
    }

    public static DocumentStatusChanged indexed(long documentId, int version, long workspaceId, IndexResult result,
                                                String source) {
        return new DocumentStatusChanged(Events.newId(), Instant.now(), SCHEMA_VERSION, documentId, version,
                workspaceId, DocumentStatus.INDEXED, 100.0, null, source, result);
    }
}
