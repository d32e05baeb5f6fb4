package io.vectorless.gateway.ragindex.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import io.vectorless.gateway.ragindex.RagIndexService;
import io.vectorless.gateway.domain.EmbeddingModel;
import io.vectorless.gateway.domain.RagIndexRecord;
import io.vectorless.gateway.domain.RagIndexStatus;
import io.vectorless.gateway.domain.ValidationIssue;

import java.util.List;
import java.util.Map;

/**
 * The bodies of the RAG-index API, component names as the platform's own OpenAPI document has them, so clients
 * generated from either document agree. The answers are these records. The batch request is read as text and
 * validated by {@link io.vectorless.gateway.domain.RagIndexRequest}, because its 422 must be pydantic's exactly
 * (type, loc, msg, input, ctx per issue, lax booleans), which bean validation cannot produce; {@link BatchRequest}
 * is the shape that validation accepts.
 */
final class RagIndexBodies {
    private static final String EMBEDDING_MODEL = "app__domains__knowledge_base__schemas__EmbeddingModelEnum";

    private RagIndexBodies() {
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
    /**
     * The union the answer's values are drawn from. Success and Failure do not implement it: the model resolver
     * would then write each as allOf this union, which refers back to them.
     */
    @Schema(name = "RAGIndexBatchItemResponse", anyOf = {Success.class, Failure.class})
    interface BatchItem {
        static Record of(RagIndexService.ItemResult result) {
            if (result instanceof RagIndexService.Success success) {
                return new Success("success", Index.of(success.index()));
            }
            RagIndexService.Failure failure = (RagIndexService.Failure) result;
            return new Failure("failure", failure.code(), failure.status(), failure.message());
        }
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
        static Index of(RagIndexRecord index) {
            return new Index(index.id(), Model.of(index.model()), Status.of(index.status()), index.progress(),
                    new Usage(index.usedBytes()));
        }
    }

    @Schema(name = "RAGDocumentIndexesResponseModel", description = "The RAG indexes of one document")
    record IndexList(List<Index> indexes) {
    }

    @Schema(name = "RAGIndexOverviewResponseModel", description = "Bytes used by RAG indexes, by model")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Overview(long totalUsedBytes, long totalMaxBytes, List<ModelUsage> models) {
    }

    @Schema(name = "RAGIndexOverviewModelResponseModel")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ModelUsage(Model model, long usedBytes) {
    }

    @Schema(name = "RAGDocumentIndexUsage", description = "Usage bytes for a RAG index")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Usage(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Bytes used by this index")
                 long usedBytes) {
    }

    /** The domain's EmbeddingModel as the API writes it; kept apart so the domain stays free of API annotations. */
    @Schema(name = EMBEDDING_MODEL, enumAsRef = true, description = "Embedding model used for RAG indexing")
    enum Model {
        @JsonProperty("e5_mistral_7b_instruct") E5_MISTRAL_7B_INSTRUCT,
        @JsonProperty("multilingual_e5_large_instruct") MULTILINGUAL_E5_LARGE_INSTRUCT,
        @JsonProperty("gemini-embedding-001") GEMINI_EMBEDDING_001;

        static Model of(EmbeddingModel model) {
            return valueOf(model.name());
        }
    }

    @Schema(name = "RAGIndexStatus", enumAsRef = true, description = "Status of a RAG index")
    enum Status {
        @JsonProperty("created") CREATED,
        @JsonProperty("processing") PROCESSING,
        @JsonProperty("failed") FAILED,
        @JsonProperty("succeeded") SUCCEEDED,
        @JsonProperty("rag_limit_exceeded") RAG_LIMIT_EXCEEDED,
        @JsonProperty("document_too_small") DOCUMENT_TOO_SMALL,
        @JsonProperty("cannot_index_folder") CANNOT_INDEX_FOLDER;

        static Status of(RagIndexStatus status) {
            return valueOf(status.name());
        }
    }

    /** FastAPI's 422 body; the issues are the domain's, documented by {@link ValidationError}. */
    @Schema(name = "HTTPValidationError")
    record ValidationErrors(@ArraySchema(schema = @Schema(implementation = ValidationError.class))
                            List<ValidationIssue> detail) {
    }

    @Schema(name = "ValidationError", requiredProperties = {"loc", "msg", "type"})
    record ValidationError(
            @ArraySchema(schema = @Schema(anyOf = {String.class, Integer.class})) List<Object> loc,
            String msg, String type,
            @Schema(description = "The offending input, as sent") Object input,
            Map<String, Object> ctx) {
    }
}
