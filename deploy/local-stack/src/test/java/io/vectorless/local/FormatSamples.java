package io.vectorless.local;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A scanned PDF (pages as pictures only), an HTML page and an EPUB book, made in the test. */
final class FormatSamples {
    private FormatSamples() {
    }

    /** Two pages, each a heading and two lines, rendered at 150 dpi and wrapped in a PDF without a text layer. */
    static byte[] scannedPdf() {
        String[][] pages = {
                {"Pump Maintenance", "Seals on the intake pump are replaced every six months.",
                        "Bearings are greased at each inspection."},
                {"Flood Response", "Sandbags are stored in the east warehouse.",
                        "The siren is tested on the first Monday."}};
        try (PDDocument text = new PDDocument(); PDDocument scan = new PDDocument()) {
            for (String[] lines : pages) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                text.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(text, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 20);
                    content.newLineAtOffset(72, 700);
                    content.showText(lines[0]);
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    for (int i = 1; i < lines.length; i++) {
                        content.newLineAtOffset(0, -28);
                        content.showText(lines[i]);
                    }
                    content.endText();
                }
            }
            PDFRenderer renderer = new PDFRenderer(text);
            for (int i = 0; i < text.getNumberOfPages(); i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                scan.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(scan, page)) {
                    content.drawImage(JPEGFactory.createFromImage(scan,
                                    renderer.renderImageWithDPI(i, 150, ImageType.GRAY), 0.85f), 0, 0,
                            PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            scan.save(out);
            try (PDDocument check = Loader.loadPDF(out.toByteArray())) {
                if (check.getNumberOfPages() != pages.length) {
                    throw new IllegalStateException("scan has the wrong page count");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] html() {
        return """
                <!DOCTYPE html><html><head><title>Bakery Handbook</title></head><body>
                <nav><a href="/">Home</a> <a href="/menu">Menu</a></nav>
                <main><h1>Bakery Handbook</h1><p>How the bakery runs.</p>
                <h2>Ovens</h2><p>The deck oven is preheated to 230 degrees before the first bake.</p>
                <h2>Deliveries</h2><p>Flour arrives every Tuesday morning.</p></main>
                <footer>Copyright</footer></body></html>""".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] epub() {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\" "
                + "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile "
                + "full-path=\"OEBPS/book.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>");
        files.put("OEBPS/book.opf", """
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
                <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Island Journal</dc:title></metadata>
                <manifest><item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/>
                <item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>
                <item id="c2" href="c2.xhtml" media-type="application/xhtml+xml"/></manifest>
                <spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>""");
        files.put("OEBPS/nav.xhtml", "<html xmlns:epub=\"http://www.idpf.org/2007/ops\"><body><nav epub:type=\"toc\">"
                + "<ol><li><a href=\"c1.xhtml\">Arrival</a></li><li><a href=\"c2.xhtml\">The Lighthouse</a></li></ol>"
                + "</nav></body></html>");
        files.put("OEBPS/c1.xhtml", "<html><body><h1>Arrival</h1><p>The ferry landed at dawn.</p>"
                + "<h2>First Night</h2><p>We camped beside the old stone harbour wall.</p></body></html>");
        files.put("OEBPS/c2.xhtml", "<html><body><h1>The Lighthouse</h1>"
                + "<p>The lighthouse lamp turns once every twelve seconds.</p></body></html>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
