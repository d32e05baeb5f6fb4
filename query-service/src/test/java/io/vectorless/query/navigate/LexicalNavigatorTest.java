package io.vectorless.query.navigate;

import io.vectorless.schema.tree.TreeNode;
import io.vectorless.search.PageText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.vectorless.query.navigate.SampleTrees.node;
import static org.assertj.core.api.Assertions.assertThat;

class LexicalNavigatorTest {
    private final LexicalNavigator navigator = new LexicalNavigator(5, 3, 5);
    private final IndexedDocument guide = SampleTrees.doc(1, SampleTrees.operationsGuide());

    @Test
    void sectionHoldingAUniqueFactWins() {
        Selection selection = navigator.select(List.of(guide), "How long is each backup retained?");

        assertThat(selection.nodeIds()).first().isEqualTo("3.1");
        assertThat(selection.reasoning()).contains("3.1").contains("Backups");
    }

    @Test
    void factOnlyInTheTextStillFindsItsSectionThroughStemming() {
        Selection selection = navigator.select(List.of(guide), "Which algorithm is used for encrypted data at rest?");

        assertThat(selection.nodeIds()).first().isEqualTo("2.2");
    }

    @Test
    void staysWithinThePageBudget() {
        Selection selection = new LexicalNavigator(5, 3, 2).select(List.of(guide),
                "network firewall backups monitoring alerts encryption");

        int pages = selection.sections().stream().mapToInt(s -> s.node().endPage() - s.node().startPage() + 1).sum();
        assertThat(pages).isLessThanOrEqualTo(2);
        assertThat(selection.sections()).isNotEmpty();
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
    void aLongSectionWithoutSubHeadingsPointsToThePageThatHoldsTheFact() {
        TreeNode root = node("root", "Annual Report", "", 0, 1, 30, "",
                node("1", "Letter to Shareholders", "", 1, 1, 2, "We had a good year."),
                node("2", "Management Discussion", "", 1, 3, 30, "long text"));
        List<PageText> pages = new ArrayList<>();
        pages.add(new PageText(1, "Letter to Shareholders. We had a good year."));
        pages.add(new PageText(2, "Thank you for your trust."));
        for (int p = 3; p <= 30; p++) {
            pages.add(new PageText(p, "Revenue discussion for segment " + p + ". Markets were stable."));
        }
        pages.set(16, new PageText(17, "Capital expenditures were 412 million dollars, mostly new warehouses."));
        IndexedDocument report = SampleTrees.doc(7, root, pages);

        Selection selection = navigator.select(List.of(report), "How much were capital expenditures?");

        assertThat(selection.sections()).first().satisfies(s -> {
            assertThat(s.node().nodeId()).isEqualTo("2");
            assertThat(s.node().pages()).isEqualTo("17");
            assertThat(s.node().text()).contains("412 million");
        });
    }

    @Test
    void theWordsNamingAFilingChooseItButDoNotPullTheAnswerToItsCover() {
        TreeNode root = node("root", "Acme 10-K", "", 0, 1, 30, "",
                node("1", "Cover", "", 1, 1, 2, "ACME CORPORATION FORM 10-K"),
                node("2", "Management Discussion", "", 1, 3, 30, "long text"));
        List<PageText> pages = new ArrayList<>();
        pages.add(new PageText(1, "ACME CORPORATION. FORM 10-K. Annual report for the fiscal year ended December 31, "
                + "2021. Acme Corporation, fiscal 2021 annual report on Form 10-K. "
                + "Indicate by check mark whether the registrant is a well-known seasoned issuer. ".repeat(15)));
        pages.add(new PageText(2, "Table of contents. Acme 10-K fiscal 2021. Net sales."));
        for (int p = 3; p <= 30; p++) {
            pages.add(new PageText(p, "Revenue discussion for segment " + p + ". Markets were stable."));
        }
        pages.set(16, new PageText(17, "Net sales increased because subscription renewals grew in every region."));
        IndexedDocument filing = SampleTrees.doc(11, root, pages);

        Selection selection = navigator.select(List.of(filing),
                "In Acme's 10-K for fiscal 2021, why did subscription net sales increase?");

        assertThat(selection.sections()).first().satisfies(s -> assertThat(s.node().pages()).isEqualTo("17"));
    }

    @Test
    void aMatchingChapterLeadsToTheSmallSectionInsideItThatHoldsThePassage() {
        TreeNode root = node("root", "Handbook", "", 0, 1, 40, "",
                node("1", "Security", "", 1, 1, 20, "",
                        node("1.1", "Passwords", "", 2, 1, 10, "",
                                node("1.1.1", "Length", "", 3, 1, 1, "Use at least twelve characters."),
                                node("1.1.2", "Rotation", "", 3, 2, 2, "Change it when a leak is suspected.")),
                        node("1.2", "Laptops", "", 2, 11, 20, "Laptops lock after five minutes.")),
                node("2", "Travel", "", 1, 21, 40, "Book trains for trips under four hours. Rotation of staff."));
        IndexedDocument handbook = SampleTrees.doc(8, root);

        Selection selection = navigator.select(List.of(handbook), "security password rotation");

        assertThat(selection.nodeIds()).first().isEqualTo("1.1.2");
    }

    @Test
    void findsChineseTextWithAChineseQuestion() {
        TreeNode root = node("root", "员工手册", "", 0, 1, 4, "",
                node("1", "数据备份", "", 1, 1, 2, "系统每天凌晨两点自动备份数据，备份保留三十五天。"),
                node("2", "差旅报销", "", 1, 3, 4, "出差的餐饮补贴为每天六十欧元，酒店需要发票。"));
        IndexedDocument handbook = SampleTrees.doc(9, root);

        Selection selection = navigator.select(List.of(handbook), "备份保留多少天？");

        assertThat(handbook.index().language()).isEqualTo("zh");
        assertThat(selection.nodeIds()).first().isEqualTo("1");
    }

    @Test
    void findsGermanTextThroughGermanStemming() {
        TreeNode root = node("root", "Betriebshandbuch", "", 0, 1, 4, "",
                node("1", "Sicherungen", "", 1, 1, 2, "Die Sicherungen der Datenbanken laufen jede Nacht und werden "
                        + "für fünfunddreißig Tage aufbewahrt, damit die Daten nicht verloren gehen."),
                node("2", "Reisen", "", 1, 3, 4, "Die Reisekosten werden mit dem Formular abgerechnet, das im "
                        + "Intranet zu finden ist."));
        IndexedDocument handbook = SampleTrees.doc(10, root);

        Selection selection = navigator.select(List.of(handbook), "Wie lange wird die Datenbank gesichert?");

        assertThat(handbook.index().language()).isEqualTo("de");
        assertThat(selection.nodeIds()).first().isEqualTo("1");
    }

    @Test
    void routesToTheDocumentWhoseTitleAndSectionsMatch() {
        List<IndexedDocument> docs = List.of(guide, SampleTrees.doc(2, SampleTrees.recipeBook()),
                SampleTrees.doc(3, SampleTrees.travelPolicy()));

        Routing routing = navigator.route(SampleTrees.workspace(docs), docs,
                "What is the per diem for meals on business travel?");

        assertThat(routing.documents()).extracting(DocumentCard::docId).first().isEqualTo(3L);
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
    void aQuestionNamingCompanyAndYearReachesThatFilingAmongTheCompanysOtherYearsAndOtherCompanies() {
        List<IndexedDocument> filings = new ArrayList<>();
        for (int year = 2020; year <= 2022; year++) {
            filings.add(filing(year, "000101872" + year, "ACME.COM, INC.", "ACME", year));
        }
        // another company's filing whose title says "10-K" and the year, which a bag of words would match
        filings.add(filing(100, "Form 10-K for Globex Corp filed 02/02/2022", "GLOBEX CORPORATION", "GBX", 2021));

        String question = "In Acme's 10-K for fiscal 2021, why did subscription renewals grow in every region?";
        Routing routing = navigator.route(SampleTrees.workspace(filings), filings, question);
        Selection selection = navigator.select(filings.stream().filter(f -> routing.documents().stream()
                .anyMatch(c -> c.docId() == f.card().docId())).toList(), question);

        assertThat(filings.get(0).index().language()).isEqualTo("en");
        assertThat(routing.documents()).extracting(DocumentCard::docId).first().isEqualTo(2021L);
        assertThat(routing.documents()).extracting(DocumentCard::docId).doesNotContain(100L);
        assertThat(selection.sections()).first().satisfies(s -> {
            assertThat(s.docId()).isEqualTo(2021L);
            assertThat(s.node().pages()).isEqualTo("5");
        });
    }

    @Test
    void theFirstRoutedDocumentsPassageIsNotCrowdedOutByRarerWordsInALargerDocument() {
        TreeNode bakery = node("root", "Sourdough Starter Care", "", 0, 1, 3, "",
                node("1", "Starter basics", "", 1, 1, 1, "A starter is flour and water; the starter holds the yeast."),
                node("2", "Feeding", "", 1, 2, 2, "Feed the starter twice a day; a fed starter doubles in hours."),
                node("3", "Storing", "", 1, 3, 3, "Keep the starter in the fridge; the starter sleeps there."));
        List<TreeNode> chapters = new ArrayList<>();
        for (int c = 1; c <= 20; c++) {
            chapters.add(node(Integer.toString(c), "Chapter " + c, "", 1, c, c, c == 7
                    ? "Feed the paper tray before the starter motor of the printer warms up."
                    : "The printer prints pages of text in black and white at good speed " + c + "."));
        }
        TreeNode printer = node("root", "Printer Manual", "", 0, 1, 20, "", chapters.toArray(TreeNode[]::new));
        List<IndexedDocument> routed = List.of(SampleTrees.doc(21, bakery), SampleTrees.doc(22, printer));

        Selection selection = navigator.select(routed, "How often do I feed the starter?");

        assertThat(selection.sections()).first().satisfies(s -> {
            assertThat(s.docId()).isEqualTo(21L);
            assertThat(s.node().nodeId()).isEqualTo("2");
        });
    }

    @Test
    void aPassageOfADocumentRoutingRanksBelowTheLeadersIsChosenAndThatDocumentIsRouted() {
        List<IndexedDocument> docs = new ArrayList<>();
        // three reports whose titles and several passages each share the question's common words ...
        for (int d = 1; d <= 3; d++) {
            docs.add(SampleTrees.doc(d, node("root", "Quarterly Sales Report " + d, "Quarterly sales by region.",
                    0, 1, 3, "",
                    node("1", "North", "", 1, 1, 1, "Quarterly sales rose after the warnings in the north."),
                    node("2", "South", "", 1, 2, 2, "Quarterly sales fell after the warnings in the south."),
                    node("3", "East", "", 1, 3, 3, "Quarterly sales held after the warnings in the east."))));
        }
        // ... and one passage elsewhere that holds the rare words asked about
        TreeNode notes = node("root", "Field Notes", "", 0, 1, 2, "",
                node("1", "Visits", "", 1, 1, 1, ""), node("2", "Findings", "", 1, 2, 2, ""));
        docs.add(SampleTrees.doc(4, notes, List.of(
                new PageText(1, "We visited the stores and counted the shelves. ".repeat(30)),
                new PageText(2, "Umbrellas tripled after the monsoon warnings."))));
        LexicalNavigator narrow = new LexicalNavigator(5, 3, 5);
        String question = "Did quarterly sales of umbrellas triple after the monsoon warnings?";

        LexicalNavigator.Navigation navigation = narrow.navigate(SampleTrees.workspace(docs), docs, question);

        assertThat(narrow.route(SampleTrees.workspace(docs), docs, question).documents())
                .extracting(DocumentCard::docId).doesNotContain(4L);
        assertThat(navigation.selection().sections()).first().satisfies(s -> {
            assertThat(s.docId()).isEqualTo(4L);
            assertThat(s.node().pages()).isEqualTo("2");
        });
        assertThat(navigation.routing().documents()).extracting(DocumentCard::docId).contains(4L);
    }

    @Test
    void navigatingAWorkspaceKeepsTheNamedFilingAndItsPassageFirst() {
        List<IndexedDocument> filings = new ArrayList<>();
        for (int year = 2020; year <= 2022; year++) {
            filings.add(filing(year, "000101872" + year, "ACME.COM, INC.", "ACME", year));
        }
        filings.add(filing(100, "Form 10-K for Globex Corp filed 02/02/2022", "GLOBEX CORPORATION", "GBX", 2021));

        LexicalNavigator.Navigation navigation = navigator.navigate(SampleTrees.workspace(filings), filings,
                "In Acme's 10-K for fiscal 2021, why did subscription renewals grow in every region?");

        assertThat(navigation.routing().documents()).extracting(DocumentCard::docId).first().isEqualTo(2021L);
        assertThat(navigation.selection().sections()).first().satisfies(s -> {
            assertThat(s.docId()).isEqualTo(2021L);
            assertThat(s.node().pages()).isEqualTo("5");
        });
    }

    /** A filing whose text is the same every year (as a company's filings mostly are) but for its cover. */
    private static IndexedDocument filing(long id, String title, String registrant, String symbol, int year) {
        TreeNode root = node("root", title, "", 0, 1, 8, "",
                node("1", "Cover", "", 1, 1, 1, ""),
                node("2", "Management Discussion", "", 1, 2, 8, "The results of the segments were stable, and the "
                        + "markets in which we operate did not change during the year. Net sales increased because "
                        + "subscription renewals grew in every region."));
        List<PageText> pages = new ArrayList<>();
        pages.add(new PageText(1, "FORM 10-K\nFor the fiscal year ended December 31, " + year + "\n" + registrant
                + "\n(Exact name of registrant as specified in its charter)\nCommon Stock, par value $.01 per share "
                + symbol + " Nasdaq Global Select Market\n" + "Indicate by check mark whether the registrant has filed all "
                + "reports required to be filed by Section 13 or 15(d) of the Securities Exchange Act. ".repeat(12)));
        for (int p = 2; p <= 8; p++) {
            pages.add(new PageText(p, "The results of the segment in region " + p + " were stable, and the markets in "
                    + "which we operate did not change during the year."));
        }
        pages.set(4, new PageText(5, "Net sales increased because subscription renewals grew in every region."));
        return SampleTrees.doc(id, root, pages);
    }
}
