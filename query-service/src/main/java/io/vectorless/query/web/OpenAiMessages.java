package io.vectorless.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.query.navigate.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads OpenAI-style {@code messages}: content as a string or as an array of parts (only text parts count). The last
 * user message is the question; the user and assistant messages before it are the conversation.
 */
record OpenAiMessages(String question, List<Turn> history) {

    /** The conversation's first user message (the question itself when there is no history). */
    String firstQuestion() {
        return history.stream().filter(Turn::fromUser).map(Turn::content).findFirst().orElse(question);
    }

    static OpenAiMessages from(JsonNode messages) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiException.badRequest("'messages' is required and must be a non-empty array");
        }
        List<Turn> turns = new ArrayList<>();
        for (JsonNode message : messages) {
            if (!message.isObject()) {
                throw ApiException.badRequest("each message must be an object with 'role' and 'content'");
            }
            String role = message.path("role").asText("");
            String text = text(message.path("content"));
            if (("user".equals(role) || "assistant".equals(role)) && !text.isBlank()) {
                turns.add(new Turn(role, text.strip()));
            }
        }
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).fromUser()) {
                return new OpenAiMessages(turns.get(i).content(), List.copyOf(turns.subList(0, i)));
            }
        }
        throw ApiException.badRequest("'messages' must contain a user message with text");
    }

    static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder out = new StringBuilder();
        if (content.isArray()) {
            for (JsonNode part : content) {
                if (part.isTextual()) {
                    out.append(part.asText()).append('\n');
                } else if (part.path("text").isTextual()
                        && ("text".equals(part.path("type").asText("text")) || "input_text".equals(part.path("type").asText()))) {
                    out.append(part.path("text").asText()).append('\n');
                }
            }
        }
        return out.toString().strip();
    }
}
