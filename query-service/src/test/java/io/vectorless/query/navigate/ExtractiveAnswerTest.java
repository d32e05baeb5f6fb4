package io.vectorless.query.navigate;

import io.vectorless.schema.tree.TreeNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractiveAnswerTest {
    private final IndexedDocument guide = SampleTrees.doc(1, SampleTrees.operationsGuide());

    @Test
    void quotesTheBestSentenceAndCitesItsSection() {
        String question = "Which algorithm encrypts data at rest?";
        Selection selection = new LexicalNavigator(5, 3, 5).select(List.of(guide), question);

        String answer = ExtractiveAnswer.compose(question, selection, ExtractiveAnswer.NO_LLM_NOTE,
                ExtractiveAnswer.terms(List.of(guide.index().analyzer())));

        assertThat(answer).startsWith("According to Section 2.2 (Security Architecture, pages 5-8): ")
                .contains("AES-256")
                .doesNotContain("Auditors review")
                .endsWith("(No LLM is configured: this answer is extracted from the best-matching sections.)");
    }

    @Test
    void aHeadingChosenWithItsOnlySubSectionDoesNotQuoteItAgain() {
        TreeNode service = SampleTrees.node("1.1", "Service", null, 2, 1, 1, "Pumps are serviced in spring.");
        TreeNode pumps = SampleTrees.node("1", "Pumps", null, 1, 1, 1, "", service);
        Selection both = new Selection(List.of(new SectionRef(1, "Pumps", service), new SectionRef(1, "Pumps", pumps)),
                "both");

        String answer = ExtractiveAnswer.compose("When are pumps serviced?", both, ExtractiveAnswer.NO_LLM_NOTE,
                ExtractiveAnswer.terms(List.of(guide.index().analyzer())));

        assertThat(answer).containsOnlyOnce("Pumps are serviced in spring.").contains("Section 1.1");
    }

    @Test
    void saysSoWhenNothingMatches() {
        String answer = ExtractiveAnswer.compose("zebra", new Selection(List.of(), "none"),
                ExtractiveAnswer.NO_LLM_NOTE,
                ExtractiveAnswer.terms(List.of(guide.index().analyzer())));

        assertThat(answer).contains("could not find").endsWith(ExtractiveAnswer.NO_LLM_NOTE);
    }

    @Test
    void splitsSentencesButNotDecimals() {
        assertThat(ExtractiveAnswer.sentences("Version 2.5 is out. It is fast! Really?\n\nYes"))
                .containsExactly("Version 2.5 is out.", "It is fast!", "Really?", "Yes");
    }
}
