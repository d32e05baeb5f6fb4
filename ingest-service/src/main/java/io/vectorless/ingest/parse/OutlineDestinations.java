package io.vectorless.ingest.parse;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

import java.io.IOException;

/** Where a bookmark points: a direct destination, a GoTo action, or a named destination, resolved to a page. */
public final class OutlineDestinations {
    private OutlineDestinations() {
    }

    /** The bookmark's page destination, or {@code null} when it points nowhere on a page. */
    public static PDPageDestination of(PDDocument document, PDOutlineItem item) throws IOException {
        PDDestination destination = item.getDestination();
        if (destination == null && item.getAction() instanceof PDActionGoTo goTo) {
            destination = goTo.getDestination();
        }
        if (destination instanceof PDNamedDestination named) {
            destination = document.getDocumentCatalog().findNamedDestinationPage(named);
        }
        return destination instanceof PDPageDestination page ? page : null;
    }

    /** The 1-based physical page of a bookmark, or -1 when it has none in this document. */
    public static int page(PDDocument document, PDOutlineItem item) {
        try {
            PDPageDestination destination = of(document, item);
            return destination == null ? -1 : page(document, destination);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static int page(PDDocument document, PDPageDestination destination) {
        int index = destination.retrievePageNumber();
        if (index < 0) {
            PDPage page = destination.getPage();
            index = page == null ? -1 : document.getPages().indexOf(page);
        }
        return index < 0 || index >= document.getNumberOfPages() ? -1 : index + 1;
    }

}
