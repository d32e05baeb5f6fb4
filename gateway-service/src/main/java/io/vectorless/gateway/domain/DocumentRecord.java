package io.vectorless.gateway.domain;

import io.vectorless.schema.event.DocumentStatus;

import java.time.Instant;

/**
 * One row of {@code documents}. {@code version} is the latest upload; {@code indexedVersion} the one whose nodes
 * answer questions (0 until one is indexed). {@code runStartedAt} marks the start of the current pipeline run (upload,
 * replace, re-index, re-drive): status events that happened before it belong to an earlier run and are ignored.
 * {@code uploadId} is the random identity of the current version's upload, part of its object keys; {@code outbox}
 * holds the JSON of the run's {@code DocumentUploaded} event until Kafka has taken it, so an event Kafka did not take
 * is published again later instead of being lost. {@code userFileName} and {@code userDocTitle} say that a person set
 * that field (PATCH): the pipeline's title of a later run, and the name of a replacing file, do not overwrite it.
 */
public record DocumentRecord(
        long id,
        long workspaceId,
        String username,
        String fileName,
        String docTitle,
        String rootSummary,
        String fileHash,
        long fileSize,
        String contentType,
        boolean quickIndex,
        DocumentStatus status,
        double progress,
        String error,
        int version,
        int indexedVersion,
        Integer pageCount,
        Integer nodeCount,
        Integer imageCount,
        Long textBytes,
        Long indexBytes,
        Instant createdAt,
        Instant updatedAt,
        Instant statusChangedAt,
        Instant runStartedAt,
        String lastEventId,
        int stallRetries,
        String uploadId,
        String outbox,
        boolean userFileName,
        boolean userDocTitle) {

    public static DocumentRecord uploaded(long id, long workspaceId, String username, String fileName, String fileHash,
                                          long fileSize, String contentType, boolean quickIndex, Instant now) {
        return uploaded(id, workspaceId, username, fileName, fileHash, fileSize, contentType, quickIndex, now, null);
    }

    public static DocumentRecord uploaded(long id, long workspaceId, String username, String fileName, String fileHash,
                                          long fileSize, String contentType, boolean quickIndex, Instant now,
                                          String uploadId) {
        return new DocumentRecord(id, workspaceId, username, fileName, null, null, fileHash, fileSize, contentType,
                quickIndex, DocumentStatus.QUEUED, 0.0, null, 1, 0, null, null, null, null, null, now, now, now, now,
                null, 0, uploadId, null, false, false);
    }

    /** The state of a fresh pipeline run of {@code version} starting {@code now}. */
    public DocumentRecord newRun(int newVersion, Instant now) {
        return new DocumentRecord(id, workspaceId, username, fileName, docTitle, rootSummary, fileHash, fileSize,
                contentType, quickIndex, DocumentStatus.QUEUED, 0.0, null, newVersion, indexedVersion, pageCount,
                nodeCount, imageCount, textBytes, indexBytes, createdAt, now, now, now, null, 0, uploadId, outbox, userFileName, userDocTitle);
    }

    public DocumentRecord withFile(String newFileName, String newHash, long newSize, String newContentType,
                                   boolean newQuickIndex, String newUsername, String newUploadId) {
        // a name the user gave stays (the format is told by the content and its type, not the name)
        return new DocumentRecord(id, workspaceId, newUsername, userFileName ? fileName : newFileName, docTitle,
                rootSummary, newHash, newSize,
                newContentType, newQuickIndex, status, progress, error, version, indexedVersion, pageCount, nodeCount,
                imageCount, textBytes, indexBytes, createdAt, updatedAt, statusChangedAt, runStartedAt, lastEventId,
                stallRetries, newUploadId, outbox, userFileName, userDocTitle);
    }

    public DocumentRecord withStatus(DocumentStatus newStatus, double newProgress, String newError, Instant now,
                                     String eventId) {
        return new DocumentRecord(id, workspaceId, username, fileName, docTitle, rootSummary, fileHash, fileSize,
                contentType, quickIndex, newStatus, newProgress, newError, version, indexedVersion, pageCount,
                nodeCount, imageCount, textBytes, indexBytes, createdAt, now, now, runStartedAt, eventId,
                stallRetries, uploadId, outbox, userFileName, userDocTitle);
    }

    /** The indexed run's figures and title; a title the user gave is kept over the pipeline's. */
    public DocumentRecord withIndexResult(String title, String summary, int pages, int nodes, int images, long text,
                                          long index, int newIndexedVersion) {
        return new DocumentRecord(id, workspaceId, username, fileName, userDocTitle ? docTitle : title, summary,
                fileHash, fileSize,
                contentType, quickIndex, status, progress, error, version, newIndexedVersion, pages, nodes, images,
                text, index, createdAt, updatedAt, statusChangedAt, runStartedAt, lastEventId, stallRetries,
                uploadId, outbox, userFileName, userDocTitle);
    }

    /** The user's own file name and title; {@code null} leaves that field as it is. */
    public DocumentRecord withMetadata(String newFileName, String newDocTitle, Instant now) {
        return new DocumentRecord(id, workspaceId, username, newFileName == null ? fileName : newFileName,
                newDocTitle == null ? docTitle : newDocTitle, rootSummary, fileHash, fileSize,
                contentType, quickIndex, status, progress, error, version, indexedVersion, pageCount, nodeCount,
                imageCount, textBytes, indexBytes, createdAt, now, statusChangedAt, runStartedAt, lastEventId,
                stallRetries, uploadId, outbox, userFileName || newFileName != null, userDocTitle || newDocTitle != null);
    }

    public DocumentRecord withStallRetries(int retries) {
        return new DocumentRecord(id, workspaceId, username, fileName, docTitle, rootSummary, fileHash, fileSize,
                contentType, quickIndex, status, progress, error, version, indexedVersion, pageCount, nodeCount,
                imageCount, textBytes, indexBytes, createdAt, updatedAt, statusChangedAt, runStartedAt, lastEventId,
                retries, uploadId, outbox, userFileName, userDocTitle);
    }

    /** The run's event still to publish ({@code null}: published). */
    public DocumentRecord withOutbox(String eventJson) {
        return new DocumentRecord(id, workspaceId, username, fileName, docTitle, rootSummary, fileHash, fileSize,
                contentType, quickIndex, status, progress, error, version, indexedVersion, pageCount, nodeCount,
                imageCount, textBytes, indexBytes, createdAt, updatedAt, statusChangedAt, runStartedAt, lastEventId,
                stallRetries, uploadId, eventJson, userFileName, userDocTitle);
    }
}
