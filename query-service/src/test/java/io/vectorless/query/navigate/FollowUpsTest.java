package io.vectorless.query.navigate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpsTest {
    private final List<Turn> history = List.of(
            new Turn("user", "How long are backups retained?"),
            new Turn("assistant", "According to Section 3.1 (Backups, pages 9-10): 35 days."));

    @Test
    void anaphoricFollowUpBorrowsThePreviousQuestionsTerms() {
        String search = FollowUps.searchText("And where are they stored?", history);

        assertThat(search).startsWith("And where are they stored?").contains("backups").contains("retained");
    }

    @Test
    void shortFollowUpBorrowsThePreviousQuestionsTerms() {
        assertThat(FollowUps.searchText("Which region?", history)).contains("backups");
    }

    @Test
    void selfContainedQuestionStandsAlone() {
        String question = "Which algorithm encrypts customer data at rest in the platform?";

        assertThat(FollowUps.searchText(question, history)).isEqualTo(question);
    }

    @Test
    void withoutHistoryTheQuestionIsUnchanged() {
        assertThat(FollowUps.searchText("And this?", List.of())).isEqualTo("And this?");
    }

    @Test
    void resolvedFollowUpFindsTheSectionTheConversationIsAbout() {
        IndexedDocument guide = SampleTrees.doc(1, SampleTrees.operationsGuide());
        String search = FollowUps.searchText("In which region is it kept?", history);

        Selection selection = new LexicalNavigator(5, 3, 5).select(List.of(guide), search);

        assertThat(selection.nodeIds()).first().isEqualTo("3.1");
    }
}
