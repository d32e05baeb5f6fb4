package io.vectorless.ingest.parse;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PdfLineCollectorTest {

    @Test
    void wordInBoldBetweenRegularBracketsIsABoldLine() throws IOException {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.newLineAtOffset(72, 700);
                content.setFont(regular, 10);
                content.showText("<");
                content.setFont(bold, 10);
                content.showText("blank");
                content.setFont(regular, 10);
                content.showText(">");
                content.newLineAtOffset(0, -20);
                content.showText("Fonts often include \"broken\" glyphs (drawn as blanks).");
                content.endText();
            }
            PdfLineCollector collector = new PdfLineCollector(new Deadline(Duration.ofMinutes(1)));
            collector.getText(document);

            List<PdfLine> lines = collector.pages().get(0);

            assertThat(lines).extracting(PdfLine::text).containsExactly("<blank>",
                    "Fonts often include \"broken\" glyphs (drawn as blanks).");
            assertThat(lines.get(0).bold()).isTrue();
            assertThat(lines.get(1).bold()).isFalse();
        }
    }
    @Test
    void contentsInTwoColumnsWithANarrowGutterPastTheMiddleAreReadColumnByColumn() throws IOException {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        String[][] rows = {
                {"Message from the Director . . . . . . . 4", "Strategic Goal 5: Establish and"},
                {"Agency Overview . . . . . . . . . . . . . 8", "maintain responsive, transparent"},
                {"Purpose and Scope . . . . . . . . . . . 9", "budgeting and costing . . . . . . 60"},
                {"Information Technology Infrastructure", "Strategic Goal 6: Provide leadership"},
                {"Improvement Project . . . . . . . . . 22", "in helping agencies . . . . . . . . . 63"},
        };
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = 700;
                for (String[] row : rows) {
                    // the left column's page numbers end 16 pt before the right column: past the page's middle
                    float leftWidth = regular.getStringWidth(row[0]) / 1000 * 11;
                    content.beginText();
                    content.setFont(regular, 11);
                    content.newLineAtOffset(row[0].endsWith("e") ? 54 : 308 - leftWidth, y);
                    content.showText(row[0]);
                    content.endText();
                    content.beginText();
                    content.newLineAtOffset(324, y);
                    content.showText(row[1]);
                    content.endText();
                    y -= 14;
                }
            }
            PdfLineCollector collector = new PdfLineCollector(new Deadline(Duration.ofMinutes(1)));
            collector.getText(document);

            List<PdfLine> lines = PdfPageCleaner.clean(collector.pages(), List.of(new float[]{612, 792})).get(0);

            assertThat(lines).extracting(PdfLine::text).containsExactly(rows[0][0], rows[1][0], rows[2][0],
                    rows[3][0], rows[4][0], rows[0][1], rows[1][1], rows[2][1], rows[3][1], rows[4][1]);
        }
    }

    @Test
    void aStampSetUpTheMarginIsDroppedButAPageSetSidewaysKeepsItsText() throws IOException {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument()) {
            PDPage stamped = new PDPage();
            document.addPage(stamped);
            try (PDPageContentStream content = new PDPageContentStream(document, stamped)) {
                content.beginText();
                content.setFont(regular, 17);
                content.newLineAtOffset(150, 700);
                content.showText("Attention Is All You Need");
                content.setFont(regular, 10);
                for (int i = 0; i < 20; i++) {
                    content.newLineAtOffset(0, -14);
                    content.showText("The dominant sequence transduction models are based on recurrent networks.");
                }
                content.endText();
                // a repository's stamp, set in 20-point type up the left margin
                content.beginText();
                content.setFont(regular, 20);
                content.setTextMatrix(org.apache.pdfbox.util.Matrix.getRotateInstance(Math.PI / 2, 36, 250));
                content.showText("arXiv:1706.03762v5 [cs.CL] 6 Dec 2017");
                content.endText();
            }
            PDPage sideways = new PDPage();
            document.addPage(sideways);
            try (PDPageContentStream content = new PDPageContentStream(document, sideways)) {
                content.beginText();
                content.setFont(regular, 10);
                content.setTextMatrix(org.apache.pdfbox.util.Matrix.getRotateInstance(Math.PI / 2, 300, 100));
                content.showText("A landscape table set sideways on an upright page");
                content.endText();
            }
            PdfLineCollector collector = new PdfLineCollector(new Deadline(Duration.ofMinutes(1)));
            collector.getText(document);

            assertThat(collector.pages().get(0)).extracting(PdfLine::text)
                    .contains("Attention Is All You Need").noneMatch(text -> text.contains("arXiv"));
            assertThat(collector.pages().get(1)).extracting(PdfLine::text)
                    .containsExactly("A landscape table set sideways on an upright page");
        }
    }
}
