package io.vectorless.ingest.parse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoverTitleTest {

    private static PdfLine line(int page, String text, float top, float size) {
        return new PdfLine(page, text, top, 72, 400, size, 0, false);
    }

    private static List<PdfLine> bodyPage(int page) {
        List<PdfLine> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(line(page, "Body text that runs across the page in the usual size for reading.", 100 + i * 14, 10));
        }
        return lines;
    }

    @Test
    void takesTheLargestTypeOnTheFirstPageJoiningATwoLineTitle() {
        List<PdfLine> cover = List.of(line(1, "GNU Libtasn1", 120, 24), line(1, "Reference Manual", 150, 24),
                line(1, "for version 4.19", 200, 12), line(1, "Written by the maintainers", 230, 10));
        assertThat(CoverTitle.of(List.of(cover, bodyPage(2), bodyPage(3)))).isEqualTo("GNU Libtasn1 Reference Manual");
    }

    @Test
    void findsNoTitleWhenTheFirstPageIsSetInBodyType() {
        assertThat(CoverTitle.of(List.of(bodyPage(1), bodyPage(2)))).isNull();
    }

    @Test
    void ignoresLargeNumbersOrSymbolsWithoutWords() {
        List<PdfLine> cover = new ArrayList<>(bodyPage(1));
        cover.add(0, line(1, "2024", 60, 40));
        assertThat(CoverTitle.of(List.of(cover, bodyPage(2)))).isNull();
    }
}
