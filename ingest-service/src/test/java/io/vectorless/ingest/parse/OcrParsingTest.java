package io.vectorless.ingest.parse;

import io.vectorless.ingest.parse.ocr.OcrMode;
import io.vectorless.ingest.parse.ocr.OcrSettings;
import io.vectorless.ingest.parse.ocr.RecognizedLine;
import io.vectorless.ingest.parse.ocr.TextRecognizer;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import io.vectorless.core.failure.PermanentFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.vectorless.ingest.parse.PdfFixture.body;
import static io.vectorless.ingest.parse.PdfFixture.heading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scans made in the test: text PDFs rendered to pictures and wrapped in PDFs without a text layer. */
class OcrParsingTest {
    // generous per-page limit: on a busy CI machine one page can take far longer than the usual second or two
    private static final OcrSettings PATIENT = new OcrSettings(OcrMode.AUTO, 150, java.time.Duration.ofMinutes(4), 1,
            2000, true);
    private static final DocumentParser PARSER = new DocumentParser(
            ParseLimits.defaults().withTimeout(java.time.Duration.ofMinutes(10)), PATIENT);

    @AfterAll
    static void close() {
        PARSER.close();
    }

    private static PdfFixture report() {
        return new PdfFixture()
                .page(heading(1, "Warehouse Safety Manual"), body("Forklifts must be inspected before every shift."),
                        body("Operators wear high visibility vests at all times."),
                        heading(2, "Loading Docks"), body("Dock doors stay closed when no truck is parked."))
                .page(heading(1, "Fire Procedures"), body("Extinguishers are checked monthly by the site lead."),
                        body("Evacuation routes are posted beside every exit."),
                        heading(2, "Assembly Points"), body("Staff gather at the north car park."));
    }

    private static String allText(ParsedDocument parsed) {
        return String.join("\n", parsed.blocks().stream().map(b -> b.text()).toList());
    }

    @Test
    void aScannedPdfIsRecognisedWithItsWordsAndHeadings() {
        List<int[]> progress = new ArrayList<>();
        ParsedDocument parsed = PARSER.parse(ScannedPdf.scan(report().withoutOutline(), 150), Blocks.file("scan.pdf"),
                ImageSink.DISCARD, (stage, done, total, perSecond) -> {
                    assertThat(stage).isEqualTo("ocr");
                    progress.add(new int[]{done, total});
                });

        assertThat(parsed.pageCount()).isEqualTo(2);
        assertThat(allText(parsed)).contains("Forklifts must be inspected before every shift",
                "Evacuation routes are posted beside every exit");
        assertThat(parsed.structureSource()).isEqualTo(StructureSource.LAYOUT);
        // the largest line on page one is the title; the next size down starts a section on page two, and the
        // smaller headings open subsections (recognised words go through the layout rules like a text page's lines)
        assertThat(parsed.title()).isEqualTo("Warehouse Safety Manual");
        assertThat(Blocks.of(parsed)).contains("H1 Fire Procedures @2", "H2 Loading Docks @1");
        assertThat(parsed.metadata()).containsEntry("ocr_pages", "2");
        assertThat(progress).extracting(p -> p[0] + "/" + p[1]).containsExactly("0/2", "1/2", "2/2");
    }

    @Test
    void aFullPageOfBodyTextIsReadWordForWord() {
        List<String> sentences = new ArrayList<>();
        PdfFixture page = new PdfFixture();
        List<PdfFixture.Line> lines = new ArrayList<>();
        String[] words = {"harbour", "budget", "council", "inspection", "quarterly", "network", "supply", "valve"};
        for (int i = 0; i < 15; i++) {
            StringBuilder sentence = new StringBuilder("Line " + (i + 1));
            for (int w = 0; sentence.length() < 75; w++) {
                sentence.append(' ').append(words[(i * 3 + w * 5) % words.length]);
            }
            sentences.add(sentence + ".");
            lines.add(body(sentence + "."));
        }
        page.page(lines.toArray(PdfFixture.Line[]::new));

        ParsedDocument parsed = PARSER.parse(ScannedPdf.scan(page.withoutOutline(), 150), Blocks.file("page.pdf"),
                ImageSink.DISCARD);

        String text = allText(parsed).replaceAll("\\s+", " ");
        long readExactly = sentences.stream().filter(text::contains).count();
        // a dense page of full-width lines is where an engine that reads short snippets well falls apart
        assertThat(readExactly).as("sentences read word for word in:%n%s", text).isGreaterThanOrEqualTo(13);
    }

    /**
     * A page set in a composite font that cannot name its glyphs, as many CJK PDFs are made: no ToUnicode map, and
     * an embedded font without a character map (its table is renamed, so the glyphs still draw).
     */
    private static byte[] pageInAFontWithoutUnicodeMap() throws java.io.IOException {
        byte[] made;
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument();
             java.io.InputStream ttf = org.apache.pdfbox.pdmodel.PDDocument.class.getResourceAsStream(
                     "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            org.apache.pdfbox.pdmodel.font.PDType0Font font =
                    org.apache.pdfbox.pdmodel.font.PDType0Font.load(document, ttf, false);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream content =
                         new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 730);
                content.showText("Harbour pump station log");
                content.setFont(font, 14);
                content.newLineAtOffset(0, -30);
                content.showText("Pressure gauges are calibrated every March.");
                content.newLineAtOffset(0, -24);
                content.showText("Spare valves are stored in the east shed.");
                content.endText();
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            made = out.toByteArray();
        }
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(made)) {
            org.apache.pdfbox.pdmodel.PDResources resources = document.getPage(0).getResources();
            for (org.apache.pdfbox.cos.COSName name : resources.getFontNames()) {
                if (!(resources.getFont(name) instanceof org.apache.pdfbox.pdmodel.font.PDType0Font font)) {
                    continue;
                }
                font.getCOSObject().removeItem(org.apache.pdfbox.cos.COSName.TO_UNICODE);
                org.apache.pdfbox.pdmodel.common.PDStream file =
                        font.getDescendantFont().getFontDescriptor().getFontFile2();
                byte[] ttfBytes = file.toByteArray();
                int tables = (ttfBytes[4] & 0xff) << 8 | ttfBytes[5] & 0xff;
                for (int t = 0; t < tables; t++) {
                    int at = 12 + 16 * t;
                    if (new String(ttfBytes, at, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("cmap")) {
                        ttfBytes[at] = 'x';
                    }
                }
                try (java.io.OutputStream rewritten = file.getCOSObject().createOutputStream(
                        org.apache.pdfbox.cos.COSName.FLATE_DECODE)) {
                    rewritten.write(ttfBytes);
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aPageWhoseFontCannotNameItsGlyphsIsReadFromItsPicture() throws java.io.IOException {
        ParsedDocument parsed = PARSER.parse(pageInAFontWithoutUnicodeMap(), Blocks.file("cid.pdf"),
                ImageSink.DISCARD);

        // the page's one readable line would pass for a text layer; the glyphs it could not name say otherwise
        assertThat(parsed.metadata()).containsEntry("ocr_pages", "1");
        assertThat(allText(parsed)).contains("Harbour pump station log", "Pressure gauges are calibrated every March",
                "Spare valves are stored in the east shed");
    }

    @Test
    void onlyThePagesWithoutTextAreRecognisedInAMixedDocument() {
        byte[] mixed = ScannedPdf.scan(report().withoutOutline(), 150, Set.of(1));

        ParsedDocument parsed = PARSER.parse(mixed, Blocks.file("mixed.pdf"), ImageSink.DISCARD);

        assertThat(parsed.metadata()).containsEntry("ocr_pages", "1");
        assertThat(allText(parsed)).contains("Dock doors stay closed when no truck is parked",
                "Staff gather at the north car park");
    }

    private static byte[] pageWithChart() throws java.io.IOException {
        java.awt.image.BufferedImage chart = new java.awt.image.BufferedImage(700, 260,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = chart.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 700, 260);
        g.setColor(java.awt.Color.BLACK);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 34));
        g.drawString("Peak sales in December", 30, 80);
        g.fillRect(30, 140, 500, 40);
        g.dispose();
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream content =
                         new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("The chart below shows the monthly sales of the year.");
                content.endText();
                content.drawImage(org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(
                        document, chart), 72, 300, 420, 156);
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void textInAPictureOnATextPageJoinsThatPageMarkedAsFromAnImage() throws java.io.IOException {
        ParsedDocument parsed = PARSER.parse(pageWithChart(), Blocks.file("chart.pdf"), ImageSink.DISCARD);

        assertThat(Blocks.of(parsed)).containsExactly(
                "T @1 The chart below shows the monthly sales of the year.",
                "T @1 [text in image] Peak sales in December");
        assertThat(parsed.metadata()).containsEntry("ocr_pictures", "1").doesNotContainKey("ocr_pages");
    }

    /** An engine that takes 400 ms a page and finds nothing: the pace, not the text, is under test. */
    private static final TextRecognizer SLOW = new TextRecognizer() {
        @Override
        public String unavailableReason() {
            return null;
        }

        @Override
        public List<RecognizedLine> recognize(java.awt.image.BufferedImage image, java.time.Duration timeout) {
            java.util.concurrent.locks.LockSupport.parkNanos(400_000_000L);
            return List.of();
        }
    };

    @Test
    void aScanThatCannotBeRecognisedWithinTheParseTimeLimitFailsSayingWhy() {
        PdfFixture book = new PdfFixture();
        for (int i = 1; i <= 30; i++) {
            book.page(body("Page " + i + " of a long scanned register."));
        }
        byte[] scan = ScannedPdf.scan(book.withoutOutline(), 36);
        OcrSettings lowResolution = new OcrSettings(OcrMode.AUTO, 36, java.time.Duration.ofSeconds(5), 1, 2000, false);
        try (DocumentParser parser = new DocumentParser(ParseLimits.defaults().withTimeout(
                java.time.Duration.ofSeconds(5)), lowResolution, () -> SLOW)) {
            assertThatThrownBy(() -> parser.parse(scan, Blocks.file("register.pdf"), ImageSink.DISCARD))
                    .isInstanceOf(PermanentFailure.class)
                    .hasMessageStartingWith("the document needs OCR on 30 pages")
                    .hasMessageContaining("INGEST_PARSE_TIMEOUT");
        }
    }

    @Test
    void withOcrSwitchedOffAScanFailsSayingSo() {
        try (DocumentParser off = new DocumentParser(ParseLimits.defaults(),
                OcrSettings.defaults().withMode(OcrMode.OFF))) {
            assertThatThrownBy(() -> off.parse(ScannedPdf.scan(report().withoutOutline(), 72), Blocks.file("s.pdf"),
                    ImageSink.DISCARD))
                    .isInstanceOf(PermanentFailure.class)
                    .hasMessage("no extractable text: the PDF looks scanned and OCR is switched off (INGEST_OCR=off)");
        }
    }

    @Test
    void forcedOcrReadsPagesFromTheirPictureEvenWithATextLayer() {
        try (DocumentParser force = new DocumentParser(
                ParseLimits.defaults().withTimeout(java.time.Duration.ofMinutes(10)), PATIENT.withMode(OcrMode.FORCE))) {
            ParsedDocument parsed = force.parse(report().withoutOutline(), Blocks.file("t.pdf"), ImageSink.DISCARD);

            assertThat(parsed.metadata()).containsEntry("ocr_pages", "2");
            assertThat(allText(parsed)).contains("Extinguishers are checked monthly by the site lead");
        }
    }
}
