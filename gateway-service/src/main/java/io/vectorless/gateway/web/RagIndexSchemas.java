package io.vectorless.gateway.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The batch request as the OpenAPI document shows it. The controller reads the body as text and validates it by hand
 * (for FastAPI-shaped 422s), so these types only describe it.
 */
final class RagIndexSchemas {
    private RagIndexSchemas() {
    }

    @Schema(name = "RAGIndexBatchRequestModel", description = "Request body for POST /rag-index batch endpoint")
    record BatchRequest(
            @ArraySchema(minItems = 1, maxItems = 100, schema = @Schema(implementation = ItemRequest.class),
                    arraySchema = @Schema(description = "List of requested RAG indexes.",
                            requiredMode = Schema.RequiredMode.REQUIRED))
            List<ItemRequest> items) {
    }

    @Schema(name = "GetOrCreateRAGIndexRequestModel", description = "Request item for batch RAG index creation")
    record ItemRequest(
            @Schema(name = "document_id", requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "ID of the knowledgebase document; folder:<id> for a folder")
            String documentId,
            @Schema(name = "create_if_missing", requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Whether to create the RAG index if it does not exist")
            boolean createIfMissing,
            @Schema(name = "model", requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"e5_mistral_7b_instruct", "multilingual_e5_large_instruct",
                            "gemini-embedding-001"})
            String model) {
    }
}
