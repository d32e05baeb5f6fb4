package io.vectorless.ingest.parse;

import io.vectorless.ingest.parse.ocr.OcrMode;
import io.vectorless.ingest.parse.ocr.OcrSettings;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import io.vectorless.support.messaging.PermanentFailure;
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
    private static final DocumentParser PARSER = new DocumentParser(ParseLimits.defaults());

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
        assertThat(Blocks.of(parsed)).contains("H1 Fire Procedures @2", "H2 Loading Docks @1");
        assertThat(parsed.metadata()).containsEntry("ocr_pages", "2");
        assertThat(progress).extracting(p -> p[0] + "/" + p[1]).containsExactly("0/2", "1/2", "2/2");
    }

    @Test
    void onlyThePagesWithoutTextAreRecognisedInAMixedDocument() {
        byte[] mixed = ScannedPdf.scan(report().withoutOutline(), 150, Set.of(1));

        ParsedDocument parsed = PARSER.parse(mixed, Blocks.file("mixed.pdf"), ImageSink.DISCARD);

        assertThat(parsed.metadata()).containsEntry("ocr_pages", "1");
        assertThat(allText(parsed)).contains("Dock doors stay closed when no truck is parked",
                "Staff gather at the north car park");
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
        try (DocumentParser force = new DocumentParser(ParseLimits.defaults(),
                OcrSettings.defaults().withMode(OcrMode.FORCE))) {
            ParsedDocument parsed = force.parse(report().withoutOutline(), Blocks.file("t.pdf"), ImageSink.DISCARD);

            assertThat(parsed.metadata()).containsEntry("ocr_pages", "2");
            assertThat(allText(parsed)).contains("Extinguishers are checked monthly by the site lead");
        }
    }
}
