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
}
