package io.vectorless.query.navigate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LexicalNavigatorTest {
    private final LexicalNavigator navigator = new LexicalNavigator(5, 3);
    private final IndexedDocument guide = SampleTrees.doc(1, SampleTrees.operationsGuide());

    @Test
    void sectionHoldingAUniqueFactWins() {
        Selection selection = navigator.select(List.of(guide), "How long is each backup retained?");

        assertThat(selection.nodeIds()).first().isEqualTo("3.1");
        assertThat(selection.reasoning()).contains("3.1").contains("Backups").contains("backup");
    }

    @Test
    void factOnlyInTheTextStillFindsItsSection() {
        Selection selection = navigator.select(List.of(guide), "Which algorithm encrypts data at rest, AES?");

        assertThat(selection.nodeIds()).first().isEqualTo("2.2");
        assertThat(selection.reasoning()).contains("text: ").contains("aes");
    }

    @Test
    void keepsOnlySectionsClearlyAboveTheRest() {
        Selection selection = navigator.select(List.of(guide), "monitoring dashboards alerts");

        assertThat(selection.nodeIds()).containsExactly("3.2");
    }

    @Test
    void selectsNothingWhenNoTermMatches() {
        Selection selection = navigator.select(List.of(guide), "zebra giraffe");

        assertThat(selection.sections()).isEmpty();
        assertThat(selection.reasoning()).contains("No section");
    }

    @Test
    void sameQuestionGivesTheSameAnswerEveryTime() {
        Selection first = navigator.select(List.of(guide), "firewall zones network");
        Selection second = navigator.select(List.of(guide), "firewall zones network");

        assertThat(first.nodeIds()).isEqualTo(second.nodeIds()).first().isEqualTo("2.1");
        assertThat(first.reasoning()).isEqualTo(second.reasoning());
    }

    @Test
    void routesToTheDocumentWhoseTitleAndSectionsMatch() {
        List<DocumentCard> cards = List.of(guide.card(), SampleTrees.doc(2, SampleTrees.recipeBook()).card(),
                SampleTrees.doc(3, SampleTrees.travelPolicy()).card());

        Routing routing = navigator.route(cards, "What is the per diem for meals on business travel?");

        assertThat(routing.documents()).extracting(DocumentCard::docId).containsExactly(3L);
        assertThat(routing.reasoning()).contains("Employee Travel Policy");
    }

    @Test
    void selectsAcrossSeveralDocuments() {
        Selection selection = navigator.select(List.of(guide, SampleTrees.doc(2, SampleTrees.recipeBook())),
                "baguettes steam temperature");

        assertThat(selection.sections()).first().satisfies(s -> {
            assertThat(s.docId()).isEqualTo(2L);
            assertThat(s.node().nodeId()).isEqualTo("2");
        });
    }

    @Test
    void stemsSoInflectionsMeet() {
        assertThat(Tokenizer.tokens("Encryption encrypted encrypts")).containsOnly("encrypt");
        assertThat(Tokenizer.tokens("The backups, retained!")).containsExactly("backup", "retain");
    }
}
