package io.vectorless.core.llm;

import java.util.List;

/**
 * One chat message. {@code images} are data URLs or https URLs sent as image parts to vision-capable models.
 */
public record ChatMessage(String role, String content, List<String> images) {

    public ChatMessage {
        images = images == null ? List.of() : List.copyOf(images);
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content, List.of());
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content, List.of());
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content, List.of());
    }
}
