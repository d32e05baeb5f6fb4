package io.vectorless.ingest.parse;

/**
 * What is known about an original before its bytes are looked at. The name and content type are only hints: the
 * format is decided by content.
 */
public record SourceFile(long workspaceId, long documentId, int version, String fileName, String contentType) {

    public SourceFile {
        fileName = fileName == null ? "" : fileName;
        contentType = contentType == null ? "" : contentType;
    }
}
