package io.vectorless.indexer.summary;

import io.vectorless.core.llm.ChatMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryPromptsTest {
    private final SummaryPrompts prompts = new SummaryPrompts();

    @Test
    void assemblesTheNodesPromptWithEverySectionItsChildrenAndTheIdsToAnswer() {
        List<ChatMessage> messages = prompts.nodes("Field Guide", List.of(
                new SummaryPrompts.Section("1", "Birds", "1-4", "Intro to birds.",
                        List.of("[1.1] Owls: Night hunters.")),
                new SummaryPrompts.Section("2", "Trees", "5", "Oaks and pines.", List.of())));

        assertThat(messages).extracting(ChatMessage::role).containsExactly("system", "user");
        assertThat(messages.get(0).content()).startsWith("You summarize sections of a document")
                .contains("JSON object").doesNotContain("=== user ===");
        assertThat(messages.get(1).content()).isEqualTo("""
                Document: Field Guide

                ### [1] Birds (pages 1-4)
                Subsections:
                - [1.1] Owls: Night hunters.
                Text:
                Intro to birds.

                ### [2] Trees (page 5)
                Text:
                Oaks and pines.

                Return the JSON object with a summary for each of these ids: "1", "2\"""");
    }

    @Test
    void assemblesTheRootPromptFromSectionSummariesAndTheOpening() {
        List<ChatMessage> messages = prompts.root("Field Guide", 12, List.of("Birds (1-4): Owls and hawks."),
                "This guide covers {{things}}.");

        assertThat(messages.get(0).content()).startsWith("You write the overview of a whole document");
        assertThat(messages.get(1).content()).contains("Document: Field Guide (12 pages)")
                .contains("- Birds (1-4): Owls and hawks.")
                .contains("This guide covers {{things}}.");
    }
}
