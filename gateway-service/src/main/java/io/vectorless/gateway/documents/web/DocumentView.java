package io.vectorless.gateway.documents.web;

import io.vectorless.gateway.workspaces.web.WorkspaceView;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.schema.parsed.StructureReport;

import java.time.Instant;

/**
 * A document as the API shows it: the spec's fields (null until known, so typed "X or null" in the OpenAPI 3.1
 * document) plus the pipeline's status.
 */
@Schema(name = "Document")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record DocumentView(
        long id,
        long workspaceId,
        String username,
        String fileName,
        String fileHash,
        long fileSize,
        @Schema(types = {"string", "null"}, description = "The document's title; null until it is parsed")
        String docTitle,
        @Schema(types = {"string", "null"}, description = "The overview; null until it is indexed")
        String rootSummary,
        @Schema(types = {"integer", "null"}, format = "int32",
                description = "Sections in the tree; null until it is indexed")
        Integer nodeCount,
        @Schema(types = {"integer", "null"}, format = "int32",
                description = "Page images kept; null until it is indexed")
        Integer imageCount,
        @Schema(types = {"integer", "null"}, format = "int32",
                description = "Pages; null until it is indexed")
        Integer pageCount,
        Instant createdAt,
        @Schema(allowableValues = {"queued", "parsing", "parsed", "indexing", "summarizing", "indexed", "failed"})
        String status,
        @Schema(description = "How far the pipeline is, 0-100") double progress,
        @Schema(types = {"string", "null"}, description = "Why the document failed; null unless status is failed")
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
