package io.vectorless.bench;

import io.vectorless.bench.StructureBenchmark.Heading;
import io.vectorless.ingest.parse.OutlineDestinations;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A PDF's own navigation, read as the truth of the heading benchmarks, and the PDF saved without it. */
final class PdfNavigation {
    private static final int MAX_ENTRIES = 20_000;

    private PdfNavigation() {
    }

    /** The bookmarks that point at a page, with their nesting depth (1 = top). */
    static List<Heading> bookmarks(PDDocument document) {
        List<Heading> out = new ArrayList<>();
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        if (catalog.getDocumentOutline() != null) {
            walk(document, catalog.getDocumentOutline(), 1, out);
        }
        return out;
    }

    /**
     * The document saved without bookmarks, named destinations and page labels, so the parser must find the
     * structure on its own. Changes {@code document}.
     */
    static byte[] withoutNavigation(PDDocument document) throws IOException {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setDocumentOutline(null);
        catalog.getCOSObject().removeItem(COSName.DESTS);
        if (catalog.getNames() != null) {
            catalog.getNames().getCOSObject().removeItem(COSName.DESTS);
        }
        catalog.getCOSObject().removeItem(COSName.PAGE_LABELS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    /**
     * The document saved with only its top-level bookmarks (chapters, front and back matter), as many books are
     * published: the parser must find the sections inside each chapter itself. Changes {@code document}.
     */
    static byte[] chaptersOnly(PDDocument document) throws IOException {
        if (document.getDocumentCatalog().getDocumentOutline() != null) {
            for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
                item.getCOSObject().removeItem(COSName.FIRST);
                item.getCOSObject().removeItem(COSName.LAST);
                item.getCOSObject().removeItem(COSName.COUNT);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private static void walk(PDDocument document, PDOutlineNode node, int level, List<Heading> out) {
        for (PDOutlineItem item : node.children()) {
            if (out.size() > MAX_ENTRIES) {
                return;
            }
            String title = item.getTitle() == null ? "" : item.getTitle().replaceAll("\\s+", " ").strip();
            int page = OutlineDestinations.page(document, item);
            if (page > 0 && !title.isEmpty()) {
                out.add(new Heading(level, title, page));
            }
            if (item.hasChildren()) {
                walk(document, item, level + 1, out);
            }
        }
    }
}
