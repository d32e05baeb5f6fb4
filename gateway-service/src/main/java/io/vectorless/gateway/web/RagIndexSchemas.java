package io.vectorless.gateway.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The batch RAG-index API as its OpenAPI document shows it, component names included, so clients generated from
 * either document agree. The controller reads the body as text and validates it by hand (for FastAPI-shaped 422s)
 * and builds its answers as maps, so these types only describe them.
 */
final class RagIndexSchemas {
    private static final String EMBEDDING_MODEL = "app__domains__knowledge_base__schemas__EmbeddingModelEnum";

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
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ItemRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "ID of the knowledgebase document; folder:<id> for a folder")
            String documentId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Whether to create the RAG index if it does not exist")
            boolean createIfMissing,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Model model) {
    }

    /** The 200 answer maps each requested document id to one of these; each item succeeds or fails on its own. */
    @Schema(name = "RAGIndexBatchItemResponse", anyOf = {Success.class, Failure.class})
    interface BatchItem {
    }

    @Schema(name = "RAGIndexBatchSuccessfulResponseModel", description = "Successful response for a single batch item")
    record Success(
            @Schema(allowableValues = "success", defaultValue = "success", description = "Status indicator")
            String status,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "RAG index data") Index data) {
    }

    @Schema(name = "BatchFailureResponseModel", description = "Failure response for a single batch item")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Failure(
            @Schema(allowableValues = "failure", defaultValue = "failure", description = "Status indicator")
            String status,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "HTTP error code") int errorCode,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Error status string")
            String errorStatus,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Error message") String errorMessage) {
    }

    @Schema(name = "RAGDocumentIndexResponseModel", description = "Response model for a single RAG index",
            requiredProperties = {"id", "model", "status", "progress_percentage", "document_model_index_usage"})
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Index(String id, Model model, Status status,
                 @Schema(description = "Indexing progress (0-100)") double progressPercentage,
                 Usage documentModelIndexUsage) {
    }

    @Schema(name = "RAGDocumentIndexUsage", description = "Usage bytes for a RAG index")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Usage(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Bytes used by this index")
                 long usedBytes) {
    }

    /** Mirrors the domain's EmbeddingModel wire names; kept apart so the domain stays free of API annotations. */
    @Schema(name = EMBEDDING_MODEL, enumAsRef = true, description = "Embedding model used for RAG indexing")
    enum Model {
        @JsonProperty("e5_mistral_7b_instruct") E5_MISTRAL_7B_INSTRUCT,
        @JsonProperty("multilingual_e5_large_instruct") MULTILINGUAL_E5_LARGE_INSTRUCT,
        @JsonProperty("gemini-embedding-001") GEMINI_EMBEDDING_001
    }

    @Schema(name = "RAGIndexStatus", enumAsRef = true, description = "Status of a RAG index")
    enum Status {
        @JsonProperty("created") CREATED,
        @JsonProperty("processing") PROCESSING,
        @JsonProperty("failed") FAILED,
        @JsonProperty("succeeded") SUCCEEDED,
        @JsonProperty("rag_limit_exceeded") RAG_LIMIT_EXCEEDED,
        @JsonProperty("document_too_small") DOCUMENT_TOO_SMALL,
        @JsonProperty("cannot_index_folder") CANNOT_INDEX_FOLDER
    }

    @Schema(name = "HTTPValidationError")
    record ValidationErrors(List<ValidationError> detail) {
    }

    @Schema(name = "ValidationError", requiredProperties = {"loc", "msg", "type"})
    record ValidationError(
            @ArraySchema(schema = @Schema(anyOf = {String.class, Integer.class})) List<Object> loc,
            String msg, String type,
            @Schema(description = "The offending input, as sent") Object input,
            Map<String, Object> ctx) {
    }
}
