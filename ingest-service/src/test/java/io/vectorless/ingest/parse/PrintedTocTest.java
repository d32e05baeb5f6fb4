package io.vectorless.ingest.parse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Printed contents pages read from hand-built page lines. */
class PrintedTocTest {
    private static final String PROSE = "The quick brown fox jumps over the lazy dog while the text keeps running on.";

    /** A contents page listing {@code entries} (title, printed page), then {@code pageCount - 1} body pages. */
    private static List<List<PdfLine>> document(int pageCount, String[] titles, int[] printedPages) {
        List<List<PdfLine>> pages = new ArrayList<>();
        List<PdfLine> contents = new ArrayList<>();
        contents.add(line(1, "Contents", 50, 16));
        for (int i = 0; i < titles.length; i++) {
            contents.add(line(1, titles[i] + " ........................................ " + printedPages[i],
                    80 + 14 * i, 10));
        }
        pages.add(contents);
        for (int p = 2; p <= pageCount; p++) {
            List<PdfLine> lines = new ArrayList<>();
            for (int i = 0; i < titles.length; i++) {
                // printed page n is physical page n + 1: the contents page is unnumbered
                if (printedPages[i] + 1 == p) {
                    lines.add(line(p, titles[i].replaceFirst("^(\\d+(?:\\.\\d+)+)(?=\\p{Lu})", "$1 "), 50, 14));
                }
            }
            for (int i = 0; i < 20; i++) {
                lines.add(line(p, PROSE, 80 + 14 * i, 10));
            }
            pages.add(lines);
        }
        return pages;
    }

    private static PdfLine line(int page, String text, float top, float size) {
        return new PdfLine(page, text, top, 72, 72 + text.length() * size / 2, size, 0, false);
    }

    @Test
    void contentsReachingThroughTheDocumentGiveTheHeadings() {
        List<List<PdfLine>> pages = document(20, new String[]{"1 Introduction", "2 Usage", "3 Reference"},
                new int[]{1, 9, 17});

        assertThat(PrintedToc.find(pages)).extracting(Anchor::title, Anchor::page)
                .containsExactly(tuple("1 Introduction", 2),
                        tuple("2 Usage", 10),
                        tuple("3 Reference", 18));
    }

    @Test
    void contentsCoveringOnlyTheFirstPagesOfALongDocumentAreNotTakenForItsStructure() {
        // a collection of manuals: the first one's contents, while eighteen more pages follow
        List<List<PdfLine>> pages = document(24, new String[]{"1 Introduction", "2 Preparing", "3 Running"},
                new int[]{1, 2, 3});

        assertThat(PrintedToc.find(pages)).isEmpty();
    }

    @Test
    void sectionNumberRunIntoTheTitleIsSeparatedFromIt() {
        List<List<PdfLine>> pages = document(12, new String[]{"4.9 Groups", "4.10Questions groups", "4.11Languages"},
                new int[]{2, 6, 10});

        assertThat(PrintedToc.find(pages)).extracting(Anchor::title)
                .containsExactly("4.9 Groups", "4.10 Questions groups", "4.11 Languages");
    }

    /** Body pages {@code 2..pageCount} with {@code headings[p]} (if any) printed at the top of physical page p. */
    private static List<List<PdfLine>> body(List<PdfLine> contents, int pageCount, java.util.Map<Integer, String> headings) {
        List<List<PdfLine>> pages = new ArrayList<>();
        pages.add(contents);
        for (int p = 2; p <= pageCount; p++) {
            List<PdfLine> lines = new ArrayList<>();
            if (headings.containsKey(p)) {
                lines.add(line(p, headings.get(p), 50, 14));
            }
            for (int i = 0; i < 20; i++) {
                lines.add(line(p, PROSE, 80 + 14 * i, 10));
            }
            pages.add(lines);
        }
        return pages;
    }

    private static PdfLine at(String text, float top, float x0, float x1) {
        return new PdfLine(1, text, top, x0, x1, 10, 0, false);
    }

    @Test
    void twoColumnsOfEntriesExtractedAcrossAreReadColumnByColumn() {
        // rows of the left column run into the right column's entries: "History . . . 3 Appendix . . . 15"
        List<PdfLine> contents = List.of(at("Contents", 40, 60, 200),
                at("Overview . . . . . . . . 2 Results . . . . . . . . . 9", 80, 60, 540),
                at("History . . . . . . . . . 3 Outlook . . . . . . . . . 12", 94, 60, 540),
                at("Mission . . . . . . . . . 5", 108, 60, 290),
                at("Goals . . . . . . . . . . 6", 122, 60, 290),
                at("Appendix . . . . . . . . 15", 108, 320, 540),
                at("Acronyms . . . . . . . . 18", 122, 320, 540));
        java.util.Map<Integer, String> headings = java.util.Map.of(3, "Overview", 4, "History", 6, "Mission",
                7, "Goals", 10, "Results", 13, "Outlook", 16, "Appendix", 19, "Acronyms");

        assertThat(PrintedToc.find(body(contents, 20, headings))).extracting(Anchor::title, Anchor::page)
                .containsExactly(tuple("Overview", 3), tuple("History", 4), tuple("Mission", 6), tuple("Goals", 7),
                        tuple("Results", 10), tuple("Outlook", 13), tuple("Appendix", 16), tuple("Acronyms", 19));
    }

    @Test
    void appendixPagesNumberedByLetterAreFoundByTheirTitles() {
        // "A-1": an appendix's own numbering, which no offset maps; without it the contents would stop halfway
        List<PdfLine> contents = List.of(at("Table of Contents", 40, 60, 200),
                at("1 Introduction ........................ 1", 80, 60, 400),
                at("2 Method ........................ 3", 94, 60, 400),
                at("3 Results ........................ 6", 108, 60, 400),
                at("Appendix A: Glossary ........................ A-1", 122, 60, 400),
                at("Appendix B: References ........................ B-1", 136, 60, 400));
        java.util.Map<Integer, String> headings = java.util.Map.of(2, "1 Introduction", 4, "2 Method",
                7, "3 Results", 12, "Appendix A: Glossary", 17, "Appendix B: References");

        assertThat(PrintedToc.find(body(contents, 18, headings))).extracting(Anchor::title, Anchor::page)
                .containsExactly(tuple("1 Introduction", 2), tuple("2 Method", 4), tuple("3 Results", 7),
                        tuple("Appendix A: Glossary", 12), tuple("Appendix B: References", 17));
    }

    @Test
    void aNumberNoPageCarriesDoesNotHoldBackTheEntriesAfterIt() {
        // a running header ending in a year reads like an entry; the real entries after it still find their pages
        List<PdfLine> contents = List.of(at("Contents", 40, 60, 200),
                at("Strategic Plan Fiscal Years 2022 - 2026", 60, 60, 400),
                at("1 Vision ........................ 1", 80, 60, 400),
                at("2 Mission ........................ 4", 94, 60, 400),
                at("3 Values ........................ 8", 108, 60, 400),
                at("4 Goals ........................ 11", 122, 60, 400));
        java.util.Map<Integer, String> headings = java.util.Map.of(2, "1 Vision", 5, "2 Mission", 9, "3 Values",
                12, "4 Goals");

        assertThat(PrintedToc.find(body(contents, 14, headings))).extracting(Anchor::title, Anchor::page)
                .containsExactly(tuple("1 Vision", 2), tuple("2 Mission", 5), tuple("3 Values", 9),
                        tuple("4 Goals", 12));
    }

    @Test
    void aFormsIndexEndingAtItsSignaturesCoversTheFilingWhateverExhibitsFollow() {
        // a 10-K's index stops at its signatures; the exhibits filed after them run on for as many pages again
        List<PdfLine> contents = List.of(at("INDEX", 40, 60, 200),
                at("Item 1. Business ........................ 1", 80, 60, 400),
                at("Item 7. Management's Discussion ........................ 5", 94, 60, 400),
                at("Item 8. Financial Statements ........................ 9", 108, 60, 400),
                at("Signatures ........................ 12", 122, 60, 400));
        java.util.Map<Integer, String> headings = java.util.Map.of(2, "Item 1. Business",
                6, "Item 7. Management's Discussion", 10, "Item 8. Financial Statements", 13, "Signatures");

        assertThat(PrintedToc.find(body(contents, 40, headings))).extracting(Anchor::title, Anchor::page)
                .containsExactly(tuple("Item 1. Business", 2), tuple("Item 7. Management's Discussion", 6),
                        tuple("Item 8. Financial Statements", 10), tuple("Signatures", 13));
    }

    @Test
    void aShortContentsListingChaptersGivesWayToTheFullContentsAfterIt() {
        // page 1: "Short Contents" (chapters only); page 2: the full contents; body from page 3
        List<List<PdfLine>> pages = new ArrayList<>();
        pages.add(List.of(at("Contents", 40, 60, 200), at("1 Alpha ........................ 1", 80, 60, 400),
                at("2 Beta ........................ 5", 94, 60, 400),
                at("3 Gamma ........................ 9", 108, 60, 400)));
        List<PdfLine> full = new ArrayList<>();
        full.add(new PdfLine(2, "Table of Contents", 40, 60, 200, 10, 0, false));
        String[] titles = {"1 Alpha", "1.1 Alpha One", "2 Beta", "2.1 Beta One", "3 Gamma", "3.1 Gamma One"};
        int[] printed = {1, 3, 5, 7, 9, 11};
        for (int i = 0; i < titles.length; i++) {
            full.add(new PdfLine(2, titles[i] + " ........................ " + printed[i], 80 + 14 * i, 60, 400, 10, 0,
                    false));
        }
        pages.add(full);
        for (int p = 3; p <= 14; p++) {
            List<PdfLine> lines = new ArrayList<>();
            for (int i = 0; i < titles.length; i++) {
                if (printed[i] + 2 == p) {
                    lines.add(line(p, titles[i], 50, 14));
                }
            }
            for (int i = 0; i < 20; i++) {
                lines.add(line(p, PROSE, 80 + 14 * i, 10));
            }
            pages.add(lines);
        }

        assertThat(PrintedToc.find(pages)).extracting(Anchor::title, Anchor::page)
                .containsExactly(tuple("1 Alpha", 3), tuple("1.1 Alpha One", 5), tuple("2 Beta", 7),
                        tuple("2.1 Beta One", 9), tuple("3 Gamma", 11), tuple("3.1 Gamma One", 13));
    }
}
