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
}
