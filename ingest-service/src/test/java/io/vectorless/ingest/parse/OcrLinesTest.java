package io.vectorless.ingest.parse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OcrLinesTest {
    private static PdfLine line(int page, float size, String text) {
        return new PdfLine(page, text, 100, 72, 400, size, 0f, false);
    }

    @Test
    void bodySizeOfAShortScanIsTakenFromItsTextNotFromItsHeadings() {
        // sizes as recognised on a two-page scan: as many heading lines as body lines, body lines scattering
        List<PdfLine> one = List.of(line(1, 16, "Warehouse Safety Manual"),
                line(1, 11, "Forklifts must be inspected before every shift."),
                line(1, 11, "Operators wear high visibility vests at all times."),
                line(1, 13.5f, "Loading Docks"), line(1, 11, "Dock doors stay closed when no truck is parked."));
        List<PdfLine> two = List.of(line(2, 15.5f, "Fire Procedures"),
                line(2, 11, "Extinguishers are checked monthly by the site lead."),
                line(2, 13, "Evacuation routes are posted beside every exit."),
                line(2, 13.5f, "Assembly Points"), line(2, 11, "Staff gather at the north car park."));
        List<PdfLine> all = new java.util.ArrayList<>(one);
        all.addAll(two);

        List<List<PdfLine>> even = OcrLines.evenSizes(List.of(one, two), all);

        assertThat(even.get(1)).extracting(PdfLine::fontSize).containsExactly(15.5f, 11f, 11f, 13.5f, 11f);
        assertThat(even.get(0)).extracting(PdfLine::fontSize).containsExactly(16f, 11f, 11f, 13.5f, 11f);
    }

    @Test
    void typeSizeReadsInkHeightWithTheLettersThatMakeIt() {
        // 14-point type at 150 dpi is 29 px: capitals reach ~21 px, descenders add ~6 px, x-height is ~15 px
        float noDescenders = OcrLines.typeSize("Fire Procedures", 21);
        float descenders = OcrLines.typeSize("Loading Docks", 27);
        float lowerCase = OcrLines.typeSize("se nee urn", 15);

        assertThat(noDescenders).isCloseTo(29, org.assertj.core.data.Offset.offset(1.5f));
        assertThat(descenders).isCloseTo(29, org.assertj.core.data.Offset.offset(1.5f));
        assertThat(lowerCase).isCloseTo(29, org.assertj.core.data.Offset.offset(1.5f));
        assertThat(OcrLines.typeSize("年度报告", 25)).isCloseTo(28.4f, org.assertj.core.data.Offset.offset(0.5f));
    }

    @Test
    void eachColumnsLineOnOneRowKeepsItsOwnTypeSize() {
        // two columns of 10-point body text at 150 dpi (21 px type: capitals and descenders ~19 px, capitals alone
        // ~15 px), their tops 8 px apart: the row's joint height, 23 px, would read as 12-point type
        List<io.vectorless.ingest.parse.ocr.RecognizedLine> row = List.of(
                new io.vectorless.ingest.parse.ocr.RecognizedLine("Pumps are serviced every spring", 100, 400, 700,
                        419, 0.95f),
                new io.vectorless.ingest.parse.ocr.RecognizedLine("Valves are tested before winter", 900, 408, 1500,
                        423, 0.95f));

        List<PdfLine> lines = OcrLines.toPdfLines(1, row, 72 / 150f, 72 / 150f, 0.5f);

        assertThat(lines).hasSize(2).extracting(PdfLine::fontSize)
                .allSatisfy(size -> assertThat(size).isBetween(9.5f, 10.5f));
    }

    @Test
    void aLineSetVerticallyIsSizedByItsWidth() {
        // a margin stamp set sideways in 10-point type: a box 21 px wide and 500 px tall, read turned
        List<PdfLine> lines = OcrLines.toPdfLines(1, List.of(new io.vectorless.ingest.parse.ocr.RecognizedLine(
                "arXiv stamp 2015 Dec", 20, 300, 41, 800, 0.95f)), 72 / 150f, 72 / 150f, 0.5f);

        assertThat(lines.get(0).fontSize()).isBetween(9f, 11f);
    }

    @Test
    void aPageIsRenderedAtTheConfiguredResolutionUnlessItsPictureWouldPassTheBound() {
        assertThat(PdfOcr.renderScale(612, 792, 150)).isEqualTo(150 / 72f);
        // the largest page a PDF allows, 200 inches square: at 150 dpi it would be 900 million pixels
        float scale = PdfOcr.renderScale(14_400, 14_400, 150);
        assertThat((double) 14_400 * scale * 14_400 * scale).isLessThanOrEqualTo(PdfOcr.MAX_PIXELS * 1.001);
    }
}
