package io.vectorless.gateway.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * Shapes of the management API that its method signatures do not show, for the OpenAPI document only: answers the
 * controllers and the tree service build as maps, and multipart forms Spring reads as separate parameters. These
 * records are never (de)serialised.
 */
final class ApiSchemas {
    private ApiSchemas() {
    }

    @Schema(name = "DocumentUpload")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Upload(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", format = "binary",
                          description = "PDF, MD, DOCX, PPTX or TXT") byte[] file,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long workspaceId,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Who uploads; with a user"
                          + " key it may be left out and must otherwise be the key's own user") String username,
                  @Schema(description = "Skip LLM summaries", defaultValue = "false") Boolean quickIndex,
                  @JsonProperty("wait") @Schema(description = "Seconds to wait for a final status before answering")
                  Double waitSeconds) {
    }

    @Schema(name = "DocumentReplace")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Replace(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", format = "binary",
                           description = "The new version of the document") byte[] file,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String username,
                   @Schema(description = "Skip LLM summaries", defaultValue = "false") Boolean quickIndex,
                   @JsonProperty("wait") @Schema(description = "Seconds to wait for a final status before answering")
                   Double waitSeconds) {
    }

    @Schema(name = "WorkspaceDeleted")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WorkspaceDeleted(@Schema(allowableValues = "deleted") String status, long workspaceId) {
    }

    @Schema(name = "DocumentDeleted")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DocumentDeleted(@Schema(allowableValues = "deleted") String status, long docId) {
    }

    @Schema(name = "TreeNode", description = "A section without its text; children only where it has any")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TreeNode(String nodeId, String title, String summary,
                    @Schema(description = "Page range such as 1-3; absent on the root", example = "1-3") String pages,
                    // by name: the model resolver drops a record's list of its own type otherwise
                    @ArraySchema(schema = @Schema(ref = "TreeNode")) List<TreeNode> children) {
    }

    @Schema(name = "NodeDetail", description = "One section with its full text, images and direct children")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NodeDetail(String nodeId, String title, String summary, int level, Integer startPage, Integer endPage,
                      String text, List<NodeImage> images, List<TreeNode> children) {
    }

    @Schema(name = "NodeImage")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NodeImage(@Schema(description = "Base64-encoded image bytes") String data, String mediaType,
                     String caption) {
    }

    @Schema(name = "Health")
    record Health(@Schema(allowableValues = "healthy") String status) {
    }

    @Schema(name = "ServiceInfo")
    record ServiceInfo(String name, String version) {
    }

    @Schema(name = "ApiError", description = "Every error except the RAG-index 422, which is FastAPI's list")
    record ApiError(@Schema(description = "Human-readable error message") String detail) {
    }

    @Schema(name = "ApiKey", description = "A user's API key, without the key itself")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ApiKey(@Schema(description = "Key id, for DELETE /api/keys/{key_id}") String id,
                  @Schema(description = "The user the key acts for") String username, String name,
                  @Schema(description = "The first characters of the key, to tell keys apart") String keyPrefix,
                  String createdAt) {
    }

    @Schema(name = "ApiKeyCreated", description = "A new user key; `key` is shown this once and never again")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ApiKeyCreated(String id, String username, String name, String keyPrefix, String createdAt,
                         @Schema(description = "The key: send it as 'Authorization: Bearer <key>'") String key) {
    }

    @Schema(name = "ApiKeyDeleted")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ApiKeyDeleted(@Schema(allowableValues = "deleted") String status, String keyId) {
    }
}
