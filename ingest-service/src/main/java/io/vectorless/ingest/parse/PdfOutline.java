package io.vectorless.ingest.parse;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitHeightDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitRectangleDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The PDF's bookmarks as headings: title, nesting, physical page and, when the destination says where on the page
 * it points, that position, so a section's text starts at its heading rather than at the top of the page.
 */
final class PdfOutline {
    private static final int MAX_ENTRIES = 20_000;
    private static final int MAX_DEPTH = 9;
    private static final int MAX_NESTING = 200;

    record Entry(int level, String title, int page, float top) {
    }

    private PdfOutline() {
    }

    /** Thrown when the bookmarks loop back on themselves: they cannot be trusted for the document's structure. */
    static final class BrokenOutline extends RuntimeException {
        BrokenOutline(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The bookmarks in reading order. A cyclic outline (an entry that is its own ancestor or sibling again) throws
     * {@link BrokenOutline}; so does one nested deeper than any real document is, or one PDFBox cannot walk.
     */
    static List<Entry> read(PDDocument document, ParseContext context) {
        PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
        List<Entry> entries = new ArrayList<>();
        if (outline == null) {
            return entries;
        }
        try {
            // PDFBox hands out a new wrapper per visit: the dictionaries underneath tell whether one comes back
            walk(document, outline, 1, entries, java.util.Collections.newSetFromMap(new IdentityHashMap<>()),
                    context);
        } catch (StackOverflowError | RuntimeException e) {
            if (e instanceof BrokenOutline broken) {
                throw broken;
            }
            throw new BrokenOutline("the PDF's bookmarks cannot be read (" + DocumentParser.describe(e) + ")");
        }
        return entries;
    }

    private static void walk(PDDocument document, PDOutlineNode node, int level, List<Entry> entries,
                             Set<COSDictionary> seen, ParseContext context) {
        if (level > MAX_NESTING) {
            throw new BrokenOutline("the PDF's bookmarks are nested " + MAX_NESTING + " levels deep or more");
        }
        for (PDOutlineItem item : node.children()) {
            if (!seen.add(item.getCOSObject())) {
                throw new BrokenOutline("the PDF's bookmarks loop back on themselves");
            }
            if (entries.size() >= MAX_ENTRIES) {
                return; // an absurdly long outline: keep what was read
            }
            String title = Text.oneLine(item.getTitle());
            Entry entry = resolve(document, item, Math.min(level, MAX_DEPTH), title);
            if (entry == null) {
                if (!title.isEmpty()) {
                    context.warn("bookmark '" + Text.shorten(title, 60) + "' points to no page of this document");
                }
            } else if (!title.isEmpty()) {
                entries.add(entry);
            }
            if (item.hasChildren()) {
                walk(document, item, level + 1, entries, seen, context);
            }
        }
    }

    private static Entry resolve(PDDocument document, PDOutlineItem item, int level, String title) {
        try {
            PDPageDestination destination = OutlineDestinations.of(document, item);
            int page = destination == null ? -1 : OutlineDestinations.page(document, destination);
            if (page < 0) {
                return null;
            }
            float height = document.getPage(page - 1).getMediaBox().getHeight();
            return new Entry(level, title, page, topFromPageTop(destination, height));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** PDF y runs upwards from the bottom; lines are measured from the top. NaN when the destination has no y. */
    private static float topFromPageTop(PDPageDestination destination, float pageHeight) {
        int top = -1;
        if (destination instanceof PDPageXYZDestination xyz) {
            top = xyz.getTop();
        } else if (destination instanceof PDPageFitWidthDestination width) {
            top = width.getTop();
        } else if (destination instanceof PDPageFitRectangleDestination rectangle) {
            top = rectangle.getTop();
        } else if (destination instanceof PDPageFitHeightDestination) {
            top = -1;
        }
        return top < 0 ? Float.NaN : pageHeight - top;
    }

    /** Places the bookmarks in the page text; a bookmark whose title is not printed goes where its y points. */
    static List<Anchor> anchors(List<Entry> entries, List<List<PdfLine>> pages) {
        List<Anchor> anchors = new ArrayList<>(entries.size());
        int[] nextLine = new int[pages.size() + 1];
        HeadingLocator locator = new HeadingLocator(pages);
        for (Entry entry : entries) {
            List<PdfLine> lines = pages.get(entry.page() - 1);
            int[] found = locator.locate(entry.page(), entry.title(), nextLine[entry.page()], entry.top());
            if (found != null) {
                anchors.add(new Anchor(entry.level(), entry.title(), entry.page(), found[0], found[1]));
                nextLine[entry.page()] = found[0] + found[1];
            } else {
                int line = Float.isNaN(entry.top()) ? nextLine[entry.page()] : firstLineBelow(lines, entry.top());
                line = Math.max(line, nextLine[entry.page()]);
                anchors.add(new Anchor(entry.level(), entry.title(), entry.page(), line, 0));
                nextLine[entry.page()] = line;
            }
        }
        anchors.sort(Comparator.comparingInt(Anchor::page).thenComparingInt(Anchor::line));
        return anchors;
    }

    private static int firstLineBelow(List<PdfLine> lines, float top) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).top() >= top - 2) {
                return i;
            }
        }
        return lines.size();
    }
}
