package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * Request and answer shapes of the chat and model routes, for the OpenAPI document only: the gateway forwards those
 * bytes to query-service untouched, so nothing here is ever (de)serialised by the gateway.
 */
final class ChatSchemas {
    private ChatSchemas() {
    }

    @Schema(name = "ChatQueryRequest")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ChatQueryRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long workspaceId,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String query, String username,
                            @Schema(description = "The conversation so far, oldest first, for follow-up questions")
                            List<ChatMessage> history,
                            @Schema(description = "Answer as server-sent events: {\"delta\"} pieces of the answer, "
                                    + "then the complete ChatQueryResponse, then [DONE]", defaultValue = "false")
                            Boolean stream) {
    }

    @Schema(name = "ChatQueryResponse", description = "An answer with the sections it used and how it chose them")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ChatQueryResponse(String answer, List<String> nodeIds, String reasoning, String context, int imageCount,
                             List<AnswerImage> images, List<RoutedDoc> routedDocs, String routingReasoning) {
    }

    @Schema(name = "AnswerImage", description = "An image of a used section, sent along to the model")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AnswerImage(String data, String mediaType, String caption, long docId, String nodeId) {
    }

    @Schema(name = "RoutedDoc")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RoutedDoc(long docId, String docTitle) {
    }

    @Schema(name = "ChatCompletionRequest")
    record ChatCompletionRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "pageindex-ws-1") String model,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ChatMessage> messages,
            @Schema(description = "Answer as server-sent chat.completion.chunk events", defaultValue = "false")
            Boolean stream,
            Double temperature) {
    }

    @Schema(name = "ChatMessage")
    record ChatMessage(@Schema(allowableValues = {"system", "user", "assistant"}) String role, String content) {
    }

    @Schema(name = "ChatCompletion")
    record ChatCompletion(String id, @Schema(allowableValues = "chat.completion") String object, long created,
                          String model, List<Choice> choices, Usage usage) {
    }

    @Schema(name = "ChatCompletionChoice")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Choice(int index, ChatMessage message, String finishReason) {
    }

    @Schema(name = "ChatCompletionUsage")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Usage(int promptTokens, int completionTokens, int totalTokens) {
    }
}
