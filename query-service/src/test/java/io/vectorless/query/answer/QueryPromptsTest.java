package io.vectorless.query.answer;

import io.vectorless.query.navigate.DocumentCard;
import io.vectorless.query.navigate.IndexedDocument;
import io.vectorless.query.navigate.SampleTrees;
import io.vectorless.query.navigate.SectionRef;
import io.vectorless.query.navigate.TreeOutline;
import io.vectorless.query.navigate.Turn;
import io.vectorless.core.llm.ChatMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryPromptsTest {
    private final List<Turn> history = List.of(new Turn("user", "How are backups handled?"),
            new Turn("assistant", "Nightly, see Section 3.1."));

    @Test
    void routingPromptListsEachCandidateWithIdTitleAndSummary() {
        List<DocumentCard> cards = List.of(new DocumentCard(4, 1, "Ops Guide", "Running the platform.", List.of()),
                new DocumentCard(9, 2, "Travel Policy", "Per diem rules.", List.of()));

        List<ChatMessage> messages = QueryPrompts.routing("What is the per diem?", history, cards, 3);

        assertThat(messages).extracting(ChatMessage::role).containsExactly("system", "user");
        assertThat(messages.get(0).content()).startsWith("You route questions to documents")
                .contains("at most 3").contains("\"doc_ids\"");
        assertThat(messages.get(1).content())
                .contains("- id 4: Ops Guide — Running the platform.")
                .contains("- id 9: Travel Policy — Per diem rules.")
                .contains("Question: What is the per diem?")
                .contains("User: How are backups handled?").contains("Assistant: Nightly, see Section 3.1.")
                .doesNotContain("{{");
    }

    @Test
    void treeSearchPromptCarriesTheOutlineAndTheAnswerShape() {
        IndexedDocument guide = SampleTrees.doc(1, SampleTrees.operationsGuide());
        String outline = new TreeOutline(10_000).render(guide.outline(), List.of());

        List<ChatMessage> messages = QueryPrompts.treeSearch("Where is AES used?", List.of(), "Ops Guide", outline, 5);

        assertThat(messages.get(0).content()).startsWith("You search a document's table of contents")
                .contains("1 to 5 sections").contains("\"node_ids\"");
        assertThat(messages.get(1).content()).contains("Conversation so far:\n(none)")
                .contains("Document: Ops Guide").contains("[2.2] Security Architecture (pages 5-8)")
                .endsWith("[3.2] Monitoring (pages 11-12) — Dashboards and alerts.");
    }

    @Test
    void answerPromptCitesTheChosenSectionsAndCarriesImages() {
        IndexedDocument guide = SampleTrees.doc(1, SampleTrees.operationsGuide());
        SectionRef ref = new SectionRef(1, "Ops Guide", guide.find("2.2").orElseThrow());

        List<ChatMessage> messages = QueryPrompts.answer("Which cipher?", history, List.of(ref),
                "### Security Architecture (Pages 5-8)\n\nAES-256", List.of("data:image/png;base64,AAAA"));

        assertThat(messages.get(0).content()).startsWith("You answer questions").contains("According to Section");
        assertThat(messages.get(1).content())
                .contains("- Section 2.2 (Security Architecture, pages 5-8)")
                .contains("Context:\n### Security Architecture (Pages 5-8)\n\nAES-256")
                .endsWith("Question: Which cipher?");
        assertThat(messages.get(1).images()).containsExactly("data:image/png;base64,AAAA");
    }

    @Test
    void reaskRepeatsTheConversationAndNamesTheValidIds() {
        List<ChatMessage> original = QueryPrompts.treeSearch("q", List.of(), "Doc", "[1] One", 5);

        List<ChatMessage> messages = QueryPrompts.reask(original, "sure! section one", List.of("root", "1"),
                QueryPrompts.SEARCH_SHAPE);

        assertThat(messages).hasSize(4);
        assertThat(messages.get(2)).isEqualTo(ChatMessage.assistant("sure! section one"));
        assertThat(messages.get(3).content()).contains("Valid ids are: root, 1").contains("\"node_ids\"");
    }
}
