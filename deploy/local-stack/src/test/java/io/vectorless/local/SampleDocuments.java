package io.vectorless.local;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Documents made in code for the end-to-end tests, each with facts that occur in exactly one section. */
final class SampleDocuments {
    private SampleDocuments() {
    }

    static byte[] markdownHandbook() {
        return """
                # Operations Handbook

                This handbook explains how the platform is run day to day by the operations team.

                ## Security Architecture

                All stored data is encrypted with AES-256 in Galois counter mode. Keys rotate every ninety days
                through the hardware security module.

                ## Backup Policy

                Backups are taken nightly at 02:00 UTC and kept for thirty-five days in a second region.

                ### Restore Drills

                The quarterly restore drill must finish within four hours, measured from the first page.

                ## Incident Response

                The on-call engineer acknowledges a page within fifteen minutes and opens an incident channel.
                """.getBytes(StandardCharsets.UTF_8);
    }

    /** Titles of the PDF's outline, in order, with their nesting level and physical page. */
    record Heading(String title, int level, int page) {
    }

    static final List<Heading> PDF_OUTLINE = List.of(
            new Heading("Introduction", 1, 1),
            new Heading("Propulsion Systems", 1, 2),
            new Heading("Ion Thrusters", 2, 3),
            new Heading("Chemical Rockets", 2, 4),
            new Heading("Mission Timeline", 1, 5));

    private static final List<String> PDF_BODIES = List.of(
            "This report surveys spacecraft design for the outer planets mission.",
            "Propulsion choices trade thrust against efficiency over long cruises.",
            "The xenon ion thruster reaches a specific impulse of 3100 seconds at full power.",
            "The bipropellant engine burns hydrazine with nitrogen tetroxide for orbit insertion.",
            "Launch is planned for the spring window with a Jupiter flyby two years later.");

    /** A five-page PDF with a nested outline (bookmarks) and each section starting on its own page. */
    static byte[] pdfWithOutline() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDDocumentOutline outline = new PDDocumentOutline();
            document.getDocumentCatalog().setDocumentOutline(outline);
            PDOutlineItem currentTop = null;
            for (int i = 0; i < PDF_OUTLINE.size(); i++) {
                Heading heading = PDF_OUTLINE.get(i);
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(bold, 18);
                    content.newLineAtOffset(72, 700);
                    content.showText(heading.title());
                    content.setFont(regular, 11);
                    content.newLineAtOffset(0, -30);
                    content.showText(PDF_BODIES.get(i));
                    content.endText();
                }
                PDOutlineItem item = new PDOutlineItem();
                item.setTitle(heading.title());
                PDPageFitDestination destination = new PDPageFitDestination();
                destination.setPage(page);
                item.setDestination(destination);
                if (heading.level() == 1) {
                    outline.addLast(item);
                    currentTop = item;
                } else {
                    currentTop.addLast(item);
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first bytes of a real PDF, cut off: no cross-reference table, no pages. */
    static byte[] corruptPdf() {
        byte[] whole = pdfWithOutline();
        byte[] cut = new byte[Math.min(400, whole.length)];
        System.arraycopy(whole, 0, cut, 0, cut.length);
        return cut;
    }
}
