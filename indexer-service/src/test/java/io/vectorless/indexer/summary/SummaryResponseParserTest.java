package io.vectorless.indexer.summary;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryResponseParserTest {

    @Test
    void readsAPlainJsonObjectOfIdsToSummaries() {
        assertThat(SummaryResponseParser.nodeSummaries("{\"1\": \"One.\", \"1.2\": \"Two  \\n words.\"}"))
                .containsExactly(Map.entry("1", "One."), Map.entry("1.2", "Two words."));
    }

    @Test
    void readsJsonInsideCodeFencesWithProseAround() {
        String answer = "Sure! Here are the summaries:\n```json\n{\"2.1\": \"Setup steps.\"}\n```\nHope this helps.";
        assertThat(SummaryResponseParser.nodeSummaries(answer)).containsExactly(Map.entry("2.1", "Setup steps."));
    }

    @Test
    void toleratesSingleQuotesTrailingCommasAndWrappedOrArrayShapes() {
        assertThat(SummaryResponseParser.nodeSummaries("{'3': 'Costs.',}")).containsEntry("3", "Costs.");
        assertThat(SummaryResponseParser.nodeSummaries("{\"summaries\": {\"4\": \"Risks.\"}}"))
                .containsEntry("4", "Risks.");
        assertThat(SummaryResponseParser.nodeSummaries("[{\"node_id\": \"5\", \"summary\": \"Plan.\"}]"))
                .containsEntry("5", "Plan.");
        assertThat(SummaryResponseParser.nodeSummaries("{\"6\": {\"summary\": \"Nested.\"}}"))
                .containsEntry("6", "Nested.");
    }

    @Test
    void salvagesTheCompletePairsOfJsonCutOffMidway() {
        String truncated = "{\"1\": \"First \\\"quoted\\\" part.\", \"2\": \"Second.\", \"3\": \"Thi";
        assertThat(SummaryResponseParser.nodeSummaries(truncated))
                .containsExactly(Map.entry("1", "First \"quoted\" part."), Map.entry("2", "Second."));
    }

    @Test
    void findsNothingInAnswersThatAreNotJson() {
        assertThat(SummaryResponseParser.nodeSummaries("I cannot help with that.")).isEmpty();
        assertThat(SummaryResponseParser.nodeSummaries("")).isEmpty();
        assertThat(SummaryResponseParser.nodeSummaries("{\"1\": \"\"}")).isEmpty();
    }

    @Test
    void readsARootOverviewAsPlainTextWithoutFencesOrLabels() {
        assertThat(SummaryResponseParser.plainSummary("```\nSummary: A guide to   the API.\n```"))
                .isEqualTo("A guide to the API.");
        assertThat(SummaryResponseParser.plainSummary("{\"summary\": \"In JSON anyway.\"}"))
                .isEqualTo("In JSON anyway.");
        assertThat(SummaryResponseParser.plainSummary("   ")).isEmpty();
    }
}
