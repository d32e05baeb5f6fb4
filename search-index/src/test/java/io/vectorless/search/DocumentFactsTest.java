package io.vectorless.search;

import io.vectorless.schema.tree.TreeNode;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentFactsTest {
    private static final String AMAZON_COVER = """
            UNITED STATES
            SECURITIES AND EXCHANGE COMMISSION
            FORM 10-K
            ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934
            For the fiscal year ended December 31, 2021
            Commission File No. 000-22513
            AMAZON.COM, INC.
            (Exact name of registrant as specified in its charter)
            Title of Each Class Trading Symbol(s) Name of Each Exchange on Which Registered
            Common Stock, par value $.01 per share AMZN Nasdaq Global Select Market
            """;

    @Test
    void aFilingCoverStatesItsRegistrantSymbolFormAndPeriod() {
        DocumentFacts facts = DocumentFacts.of("0001018724-22-000005", AMAZON_COVER);

        assertThat(facts.names()).contains("AMAZON.COM, INC.", "AMZN");
        assertThat(facts.form()).isEqualTo("10-K");
        assertThat(facts.periodEnd()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThat(facts.quarterly()).isFalse();
    }

    @Test
    void aQuestionNamesItsPeriodAndFormApartFromItsOtherWords() {
        QuestionFacts annual = QuestionFacts.of("In Amazon's 10-K for fiscal 2021, how did net sales grow?");
        QuestionFacts quarter = QuestionFacts.of("What did the third quarter FY23 quarterly report say about margins?");

        assertThat(annual.years()).containsExactly(2021);
        assertThat(annual.form()).isEqualTo("10-K");
        assertThat(annual.rest()).contains("Amazon ").contains("net sales").doesNotContain("2021")
                .doesNotContain("10-K").doesNotContain("fiscal");
        assertThat(quarter.years()).containsExactly(2023);
        assertThat(quarter.quarter()).isEqualTo(3);
        assertThat(quarter.form()).isEqualTo("10-Q");
        assertThat(QuestionFacts.of("How do I install the package?").namesPeriodOrForm()).isFalse();
    }

    @Test
    void periodsAreMatchedTheWayCompaniesNameTheirFiscalYearsAndQuarters() {
        DocumentFacts calendar = DocumentFacts.of("", AMAZON_COVER);
        DocumentFacts endsInJanuary = DocumentFacts.of("", "FORM 10-K\nFor the fiscal year ended January 30, 2022");
        DocumentFacts firstQuarterEndingInDecember = DocumentFacts.of("",
                "FORM 10-Q\nFor the quarterly period ended December 31, 2022");
        DocumentFacts thirteenWeekQuarter = DocumentFacts.of("", "FORM 10-Q\nFor the quarterly period ended July 1, 2023");

        assertThat(calendar.period(QuestionFacts.of("fiscal 2021"))).isEqualTo(1.0);
        assertThat(calendar.period(QuestionFacts.of("fiscal 2020"))).isZero();
        assertThat(calendar.form(QuestionFacts.of("the 2021 10-Q"))).isZero();
        assertThat(endsInJanuary.period(QuestionFacts.of("fiscal 2022"))).isEqualTo(1.0);
        assertThat(endsInJanuary.period(QuestionFacts.of("fiscal 2021"))).isBetween(0.1, 0.9);
        assertThat(firstQuarterEndingInDecember.period(QuestionFacts.of("Q1 2023 10-Q"))).isGreaterThan(0);
        assertThat(thirteenWeekQuarter.period(QuestionFacts.of("Q2 2023 10-Q")))
                .isGreaterThan(thirteenWeekQuarter.period(QuestionFacts.of("Q3 2023 10-Q")));
    }

    @Test
    void theRegistrantNamedByTheQuestionOutranksAFilingWhoseTitleSaysTenK() {
        String body = "Net sales increased due to growth in subscriptions and advertising services.";
        DocumentSearchIndex acme = filing(1, "0000000001-22-000005", AMAZON_COVER.replace("AMAZON.COM", "ACME")
                .replace("AMZN", "ACME"), body);
        DocumentSearchIndex globex = filing(2, "Form 10-K for Globex Corp filed 02/02/2022",
                AMAZON_COVER.replace("AMAZON.COM, INC.", "GLOBEX CORPORATION").replace("AMZN", "GBX"), body);
        WorkspaceIndex workspace = new WorkspaceIndex(List.of(acme, globex));

        List<WorkspaceIndex.DocumentScore> scores = workspace.score("In Acme's 10-K for fiscal 2021, why did net "
                + "sales increase?");

        assertThat(scores.stream().max(Comparator.comparingDouble(WorkspaceIndex.DocumentScore::names))
                .orElseThrow().document().documentId()).isEqualTo(1);
        assertThat(scores).allSatisfy(s -> {
            assertThat(s.period()).isEqualTo(1.0);
            assertThat(s.form()).isEqualTo(1.0);
        });
        assertThat(scores).filteredOn(s -> s.document().documentId() == 2)
                .allSatisfy(s -> assertThat(s.names()).isZero());
    }

    private static DocumentSearchIndex filing(long id, String title, String cover, String body) {
        TreeNode root = new TreeNode("root", title, "", 0, 1, 2, "", List.of(), List.of(
                new TreeNode("1", "Part I", "", 1, 2, 2, body, List.of(), List.of())));
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        SearchIndexWriter.write(new IndexInput(id, 1, title, root, List.of(new PageText(1, cover),
                new PageText(2, body))), directory);
        return DocumentSearchIndex.open(directory);
    }
}
