package io.vectorless.ingest.parse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Makes scans the way a scanner does: every page of a text PDF rendered to a grey picture and wrapped in a new PDF
 * that has no text layer at all. Pages listed in {@code keepText} stay as they were (a mixed document).
 */
public final class ScannedPdf {
    private ScannedPdf() {
    }

    public static byte[] scan(byte[] textPdf, int dpi) {
        return scan(textPdf, dpi, Set.of());
    }

    public static byte[] scan(byte[] textPdf, int dpi, Set<Integer> keepText) {
        try (PDDocument source = Loader.loadPDF(textPdf); PDDocument scan = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(source);
            for (int i = 0; i < source.getNumberOfPages(); i++) {
                if (keepText.contains(i + 1)) {
                    scan.importPage(source.getPage(i));
                    continue;
                }
                PDRectangle box = source.getPage(i).getMediaBox();
                BufferedImage picture = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                PDPage page = new PDPage(box);
                scan.addPage(page);
                PDImageXObject image = JPEGFactory.createFromImage(scan, picture, 0.85f);
                try (PDPageContentStream content = new PDPageContentStream(scan, page)) {
                    content.drawImage(image, 0, 0, box.getWidth(), box.getHeight());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            scan.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
