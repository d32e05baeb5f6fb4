package io.vectorless.gateway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.schema.parsed.StructureReport;

import java.time.Instant;

/** A document as the API shows it: the spec's fields (null until known) plus the pipeline's status. */
@Schema(name = "Document")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record DocumentView(
        long id,
        long workspaceId,
        String username,
        String fileName,
        String fileHash,
        long fileSize,
        String docTitle,
        String rootSummary,
        Integer nodeCount,
        Integer imageCount,
        Integer pageCount,
        Instant createdAt,
        String status,
        double progress,
        String error,
        int version,
        int indexedVersion,
        boolean quickIndex,
        Instant updatedAt,
        @Schema(description = "how the document's sections were found and how far to trust them (single-document"
                + " reads of an indexed document)", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        StructureReport structure) {

    DocumentView {
        createdAt = WorkspaceView.seconds(createdAt);
        updatedAt = WorkspaceView.seconds(updatedAt);
    }

    static DocumentView of(DocumentRecord d) {
        return new DocumentView(d.id(), d.workspaceId(), d.username(), d.fileName(), d.fileHash(), d.fileSize(),
                d.docTitle(), d.rootSummary(), d.nodeCount(), d.imageCount(), d.pageCount(), d.createdAt(),
                d.status().wire(), d.progress(), d.error(), d.version(), d.indexedVersion(), d.quickIndex(),
                d.updatedAt(), null);
    }

    DocumentView withStructure(StructureReport report) {
        return new DocumentView(id, workspaceId, username, fileName, fileHash, fileSize, docTitle, rootSummary,
                nodeCount, imageCount, pageCount, createdAt, status, progress, error, version, indexedVersion,
                quickIndex, updatedAt, report);
    }
}
