package io.vectorless.core.llm;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptTemplateTest {

    @Test
    void fillsEveryPlaceholderOnceSoAPlaceholderInsideAValueStaysAsItIs() {
        PromptTemplate template = PromptTemplate.of("t", "{{a}} and {{ b }} and {{a}}");

        assertThat(template.render(Map.of("a", "{{b}}", "b", "$1 \\ B"))).isEqualTo("{{b}} and $1 \\ B and {{b}}");
    }

    @Test
    void aPlaceholderWithoutAValueIsAnErrorNamingIt() {
        PromptTemplate template = PromptTemplate.of("answer", "Question: {{question}}\nContext: {{context}}");

        assertThatThrownBy(() -> template.render(Map.of("question", "why?")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{context}}")
                .hasMessageContaining("answer");
    }

    @Test
    void splitsSystemAndUserMessagesAtTheMarker() {
        PromptTemplate template = PromptTemplate.of("t", "You summarize {{what}}.\n=== user ===\nSummarize {{what}}.");

        assertThat(template.messages(Map.of("what", "sections")))
                .containsExactly(ChatMessage.system("You summarize sections."), ChatMessage.user("Summarize sections."));
        assertThatThrownBy(() -> PromptTemplate.of("t", "no marker").messages(Map.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingResourceIsAnError() {
        assertThatThrownBy(() -> PromptTemplate.load("prompts/none.txt")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prompts/none.txt");
    }
}
