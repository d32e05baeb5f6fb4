package io.vectorless.ingest.parse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FinancialStatementsTest {

    private static PdfLine line(int page, String text, boolean bold) {
        return new PdfLine(page, text, 100, 72, 400, 9, bold ? 1f : 0f, false);
    }

    private static List<String> outline(List<Anchor> anchors) {
        return anchors.stream().map(a -> a.level() + " " + a.title() + " @" + a.page()).toList();
    }

    @Test
    void statementsIndexAndNotesInSequenceBecomeNodesUnderTheItemHoldingThem() {
        List<List<PdfLine>> pages = new ArrayList<>();
        pages.add(List.of(line(1, "Item 8. Financial Statements and Supplementary Data", true),
                line(1, "INDEX TO CONSOLIDATED FINANCIAL STATEMENTS Page", true),
                line(1, "Consolidated Balance Sheets 2", false)));
        pages.add(List.of(line(2, "CONSOLIDATED BALANCE SHEETS", true), line(2, "Total assets 1,000", false)));
        pages.add(List.of(line(3, "NOTES TO CONSOLIDATED FINANCIAL STATEMENTS", true),
                line(3, "Note 1 — DESCRIPTION OF BUSINESS", true),
                // a cross-reference that starts a line is out of sequence and reads as a sentence
                line(3, "Note 7 — Goodwill and Intangible Assets for further information.", false),
                line(3, "Note 2 — Leases", true),
                line(3, "Note 4 — Debt", true),
                line(3, "Note 3 — Income Taxes", true)));
        pages.add(List.of(line(4, "Item 9. Changes in and Disagreements with Accountants", true),
                line(4, "Note 5 — Segments", true)));
        List<Anchor> items = List.of(new Anchor(1, "Item 8. Financial Statements and Supplementary Data", 1, 0, 1),
                new Anchor(1, "Item 9. Changes in and Disagreements with Accountants", 4, 0, 1));

        List<Anchor> anchors = FinancialStatements.within(items, pages);

        assertThat(outline(anchors)).containsExactly("1 Item 8. Financial Statements and Supplementary Data @1",
                "2 INDEX TO CONSOLIDATED FINANCIAL STATEMENTS @1", "2 CONSOLIDATED BALANCE SHEETS @2",
                "2 NOTES TO CONSOLIDATED FINANCIAL STATEMENTS @3", "3 Note 1 — DESCRIPTION OF BUSINESS @3",
                "3 Note 2 — Leases @3", "3 Note 3 — Income Taxes @3",
                "1 Item 9. Changes in and Disagreements with Accountants @4");
    }

    @Test
    void documentsWithoutItemsAreLeftAsTheyAre() {
        List<List<PdfLine>> pages = List.of(List.of(line(1, "1 Introduction", true), line(1, "Note 1 — Scope", true)));
        List<Anchor> anchors = List.of(new Anchor(1, "1 Introduction", 1, 0, 1));

        assertThat(FinancialStatements.within(anchors, pages)).isSameAs(anchors);
    }
}
