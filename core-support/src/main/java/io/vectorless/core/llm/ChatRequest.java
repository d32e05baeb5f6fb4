package io.vectorless.core.llm;

import java.util.List;

/**
 * A chat-completions call.
 *
 * @param model       null for the configured default
 * @param purpose     what the call is for ({@code summary}, {@code routing}, {@code tree_search}, {@code answer});
 *                    tags the metrics
 * @param temperature null for the configured default
 * @param maxTokens   null for the server's default
 * @param jsonOutput  ask for a JSON object ({@code response_format}); callers still parse defensively
 */
public record ChatRequest(String model, String purpose, List<ChatMessage> messages, Double temperature,
                          Integer maxTokens, boolean jsonOutput) {

    public ChatRequest {
        messages = List.copyOf(messages);
    }

    public static ChatRequest of(String purpose, List<ChatMessage> messages) {
        return new ChatRequest(null, purpose, messages, null, null, false);
    }

    public ChatRequest withModel(String newModel) {
        return new ChatRequest(newModel, purpose, messages, temperature, maxTokens, jsonOutput);
    }

    public ChatRequest withJsonOutput() {
        return new ChatRequest(model, purpose, messages, temperature, maxTokens, true);
    }

    public ChatRequest withTemperature(Double value) {
        return new ChatRequest(model, purpose, messages, value, maxTokens, jsonOutput);
    }
}
