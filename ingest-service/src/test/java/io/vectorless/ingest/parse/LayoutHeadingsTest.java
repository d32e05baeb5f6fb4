package io.vectorless.ingest.parse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Layout heading detection on hand-built page lines, one cue per test. */
class LayoutHeadingsTest {
    private static final String PROSE = "The quick brown fox jumps over the lazy dog while the text keeps running on.";
    private static final String CODE = "for (int i = 0; i < items.length; i++) { total += items[i].weight(); }";

    /** Builds pages line by line, 14 points apart, in the given size and weight. */
    private static final class Pages {
        private final List<List<PdfLine>> pages = new ArrayList<>();
        private float top;

        Pages page() {
            pages.add(new ArrayList<>());
            top = 50;
            return this;
        }

        Pages line(String text, float size, boolean bold) {
            List<PdfLine> lines = pages.get(pages.size() - 1);
            lines.add(new PdfLine(pages.size(), text, top, 72, 72 + text.length() * size / 2, size, bold ? 1 : 0,
                    false));
            top += Math.max(14, size * 1.4f);
            return this;
        }

        Pages prose(int lines, float size) {
            for (int i = 0; i < lines; i++) {
                line(PROSE, size, false);
            }
            return this;
        }

        List<List<PdfLine>> build() {
            return pages;
        }
    }

    private static List<String> titles(List<List<PdfLine>> pages) {
        return LayoutHeadings.detect(pages).anchors().stream().map(Anchor::title).toList();
    }

    @Test
    void smallerCodeTypeOutweighingTheProseDoesNotMakeEveryProseLineAHeading() {
        Pages pages = new Pages();
        for (int p = 0; p < 3; p++) {
            pages.page().line("Section " + (char) ('A' + p) + " overview", 11, true).prose(8, 8);
            for (int i = 0; i < 14; i++) {
                pages.line(CODE, 7, false);
            }
        }

        assertThat(LayoutHeadings.bodySize(pages.build())).isEqualTo(8f);
        assertThat(titles(pages.build()))
                .containsExactly("Section A overview", "Section B overview", "Section C overview");
    }

    @Test
    void printedContentsEntriesWithDotLeadersAreNotHeadings() {
        List<List<PdfLine>> pages = new Pages().page()
                .line("2.1 Getting started ........................................ 12", 10, false)
                .line("2.2 Reporting of errors .................................... 14", 10, false)
                .line("2.3 Suppressing errors . . . . . . . . . . . . . . . . . . . . xvii", 10, false)
                .prose(20, 10)
                .line("2.1 Getting Started", 10, false)
                .prose(5, 10)
                .build();

        assertThat(titles(pages)).containsExactly("2.1 Getting Started");
    }

    @Test
    void listBulletsAndCapitalIdentifiersAreNotHeadings() {
        List<List<PdfLine>> pages = new Pages().page()
                .line("• ANNOTATE_HAPPENS_AFTER", 10, false)
                .line("VALGRIND_COUNT_ERRORS", 10, false)
                .line("CHECK_WRITABLE(addr, len)", 10, false)
                .line("LEAK SUMMARY:", 10, false)
                .prose(20, 10)
                .line("NO WARRANTY", 10, false)
                .prose(5, 10)
                .build();

        assertThat(titles(pages)).containsExactly("NO WARRANTY");
    }

    @Test
    void headingRepeatedAtTheTopOfFollowingPagesIsARunningHeaderNotANewSection() {
        Pages pages = new Pages();
        pages.page().line("4.7 Momentum Class Reference", 12, true).prose(30, 10);
        pages.page().line("4.7 Momentum Class Reference", 12, true).prose(30, 10);
        pages.page().line("4.7 Momentum Class Reference", 12, true).prose(10, 10)
                .line("4.8 Quadtree Class Reference", 12, true).prose(10, 10);

        List<Anchor> anchors = LayoutHeadings.detect(pages.build()).anchors();

        assertThat(anchors).extracting(Anchor::title, Anchor::page)
                .containsExactly(tuple("4.7 Momentum Class Reference", 1),
                        tuple("4.8 Quadtree Class Reference", 3));
    }

    @Test
    void sameTitleOnPagesFarApartStaysTwoHeadings() {
        Pages pages = new Pages();
        pages.page().line("Public Member Functions", 12, true).prose(30, 10);
        for (int p = 0; p < 3; p++) {
            pages.page().prose(30, 10);
        }
        pages.page().line("Public Member Functions", 12, true).prose(30, 10);

        assertThat(titles(pages.build())).containsExactly("Public Member Functions", "Public Member Functions");
    }

    @Test
    void chapterLabelOnItsOwnLineJoinsTheTitleBelowIt() {
        List<List<PdfLine>> pages = new Pages().page()
                .line("Chapter 3", 20, true)
                .line("Class Index", 24, true)
                .prose(20, 10)
                .line("3.1 Class List", 14, true)
                .prose(20, 10)
                .build();

        List<Anchor> anchors = LayoutHeadings.detect(pages).anchors();

        assertThat(anchors).extracting(Anchor::title, Anchor::level, Anchor::skip)
                .containsExactly(tuple("Chapter 3 Class Index", 1, 2),
                        tuple("3.1 Class List", 2, 1));
    }

    @Test
    void boldTermsAndBoldSentencesInBodySizeAreNotHeadings() {
        List<List<PdfLine>> pages = new Pages().page()
                .line("Reporting errors", 10, true)
                .prose(10, 10)
                .line("Default suppressions file:", 10, true)
                .prose(10, 10)
                .line("Julian Seward and Nicholas Nethercote in the proceedings of the annual conference", 10, true)
                .prose(10, 10)
                .line("2.4 Suppressing errors in libraries you do not control:", 10, true)
                .prose(10, 10)
                .build();

        assertThat(titles(pages))
                .containsExactly("Reporting errors", "2.4 Suppressing errors in libraries you do not control:");
    }

    @Test
    void figureAndTableCaptionsAreNotHeadings() {
        List<List<PdfLine>> pages = new Pages().page()
                .line("Figure 2-6: Mirror Images", 10, true)
                .prose(10, 10)
                .line("Table 3. Supported options", 10, true)
                .prose(10, 10)
                .line("Tables and Figures", 10, true)
                .prose(10, 10)
                .build();

        assertThat(titles(pages)).containsExactly("Tables and Figures");
    }

    @Test
    void entriesOfAContentsPageWithoutDotLeadersAreNotHeadings() {
        Pages pages = new Pages().page().line("Contents", 16, true);
        for (int chapter = 1; chapter <= 6; chapter++) {
            pages.line("Chapter " + chapter + " Topic number " + chapter + " " + (chapter * 10), 12, true)
                    .line(chapter + ".1 First part of it " + (chapter * 10 + 2), 10, false);
        }
        pages.page().line("Chapter 1 Topic number 1", 12, true).prose(30, 10);

        assertThat(LayoutHeadings.detect(pages.build()).anchors()).extracting(Anchor::title, Anchor::page)
                .containsExactly(tuple("Chapter 1 Topic number 1", 2));
    }

    @Test
    void runningHeaderNamingTheChapterDifferentlyIsStillARunningHeader() {
        Pages pages = new Pages();
        pages.page().line("1 Introduction and preliminaries", 14, true).prose(30, 10);
        pages.page().line("Chapter 1: Introduction and preliminaries", 10, true).prose(30, 10);
        pages.page().line("2 Simple manipulations", 14, true).prose(30, 10);

        assertThat(titles(pages.build()))
                .containsExactly("1 Introduction and preliminaries", "2 Simple manipulations");
    }

    @Test
    void sectionsOfTheSameTitleWithDifferentNumbersAreBothKeptAtPageEdges() {
        Pages pages = new Pages();
        pages.page().prose(30, 10).line("4.7.2 Constructor Documentation", 12, true).prose(1, 10);
        pages.page().line("4.8.2 Constructor Documentation", 12, true).prose(30, 10);

        assertThat(titles(pages.build()))
                .containsExactly("4.7.2 Constructor Documentation", "4.8.2 Constructor Documentation");
    }

    @Test
    void chapterTitleWrappingBelowItsLabelStaysOneHeading() {
        List<List<PdfLine>> pages = new Pages().page()
                .line("Chapter 5", 20, true)
                .line("GNU Free Documentation", 24, true)
                .line("License", 24, true)
                .prose(20, 10)
                .build();

        assertThat(LayoutHeadings.detect(pages).anchors()).extracting(Anchor::title, Anchor::skip)
                .containsExactly(tuple("Chapter 5 GNU Free Documentation License", 3));
    }

    @Test
    void aPapersHeadingsAreLearnedFromItsNumberedSections() {
        Pages pages = new Pages();
        pages.page().line("Scaling Attention to Long Documents", 17, true)
                .line("Ada Lovelace Charles Babbage", 10, true)
                .line("Abstract", 12, true).prose(6, 10)
                .line("1 Introduction", 12, true).prose(10, 10);
        pages.page().prose(4, 10)
                .line("Accuracy on held-out pages", 14, false)
                .line("2 Method", 12, true).prose(6, 10)
                .line("2.1 Training setup", 10, true).prose(3, 10)
                .line("Parser", 10, true).prose(3, 10);
        pages.page().line("3 Results", 12, true).prose(8, 10)
                .line("4 Conclusion", 12, true).prose(4, 10)
                .line("References", 12, true).prose(6, 10);

        LayoutHeadings.Result result = LayoutHeadings.detect(pages.build());

        // authors, a chart's lettering and a table's bold header cell are not sections
        assertThat(result.title()).isEqualTo("Scaling Attention to Long Documents");
        assertThat(result.anchors()).extracting(Anchor::title, Anchor::level).containsExactly(
                tuple("Abstract", 1), tuple("1 Introduction", 1), tuple("2 Method", 1),
                tuple("2.1 Training setup", 2), tuple("3 Results", 1), tuple("4 Conclusion", 1),
                tuple("References", 1));
    }

    @Test
    void anSecFormsItemsAreSectionsWhateverSizeTheyAreSetIn() {
        Pages pages = new Pages();
        pages.page().line("PART I", 10, true).line("ITEM 1. BUSINESS", 10, true).prose(20, 9);
        pages.page().line("ITEM 1A. RISK FACTORS", 10, true).prose(20, 9)
                .line("Item 15 of this Annual Report on Form 10-K for additional information.", 9, false);
        pages.page().line("PART II", 10, true)
                .line("ITEM 7. MANAGEMENT'S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION", 10, true).prose(20, 9);
        // an exhibit set in a larger type makes up much of the filing, so the body size comes out above the items'
        for (int p = 0; p < 4; p++) {
            pages.page().prose(40, 11);
        }

        assertThat(LayoutHeadings.detect(pages.build()).anchors()).extracting(Anchor::title, Anchor::level)
                .containsExactly(tuple("PART I", 1), tuple("ITEM 1. BUSINESS", 2), tuple("ITEM 1A. RISK FACTORS", 2),
                        tuple("PART II", 1),
                        tuple("ITEM 7. MANAGEMENT'S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION", 2));
    }

    @Test
    void aLegalTextsArticleLabelAndTheTitleBelowItAreOneHeadingInBodyType() {
        Pages pages = new Pages();
        pages.page().line("CHAPTER I", 16, true).line("GENERAL PROVISIONS", 16, true)
                .line("Article 1", 12, false).line("Subject-matter and objectives", 12, false).prose(6, 12)
                .line("Article 2", 12, false).line("Material scope", 12, false).prose(6, 12);
        pages.page().prose(4, 12).line("Article 3", 12, false).line("Territorial scope", 12, false).prose(8, 12)
                .line("Article 4", 12, false).line("Definitions", 12, false).prose(6, 12);

        assertThat(LayoutHeadings.detect(pages.build()).anchors()).extracting(Anchor::title, Anchor::page)
                .containsExactly(tuple("CHAPTER I GENERAL PROVISIONS", 1),
                        tuple("Article 1 Subject-matter and objectives", 1), tuple("Article 2 Material scope", 1),
                        tuple("Article 3 Territorial scope", 2), tuple("Article 4 Definitions", 2));
    }
}
