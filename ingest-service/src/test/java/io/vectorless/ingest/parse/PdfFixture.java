package io.vectorless.ingest.parse;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDDestinationNameTreeNode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes test PDFs with PDFBox: lines in given sizes and weights, bookmarks, running headers, pictures. */
final class PdfFixture {
    /** A line of text; {@code bookmarkTitle} non-null (with an empty text) is a bookmark whose title is not printed. */
    record Line(String text, float size, boolean bold, int bookmarkLevel, String bookmarkTitle) {
        Line(String text, float size, boolean bold, int bookmarkLevel) {
            this(text, size, bold, bookmarkLevel, null);
        }
    }

    /** How bookmarks point at their page. */
    enum Links { DESTINATION, GOTO_ACTION, NAMED_DESTINATION }

    private record PageSpec(List<Line> lines, boolean picture, List<Line> rightColumn) {
    }

    private final List<PageSpec> pages = new ArrayList<>();
    private String header;
    private String footer;
    private String title;
    private StandardProtectionPolicy protection;
    private Links links = Links.DESTINATION;

    static Line body(String text) {
        return new Line(text, 11, false, 0);
    }

    static Line bookmarkOnly(int level, String title) {
        return new Line("", 11, false, level, title);
    }

    PdfFixture links(Links style) {
        this.links = style;
        return this;
    }

    static Line heading(int level, String text) {
        float size = level == 1 ? 18 : level == 2 ? 14 : 12;
        return new Line(text, size, true, level);
    }

    PdfFixture runningHeader(String text) {
        this.header = text;
        return this;
    }

    /** {@code %d} is replaced by the page number. */
    PdfFixture runningFooter(String format) {
        this.footer = format;
        return this;
    }

    PdfFixture title(String documentTitle) {
        this.title = documentTitle;
        return this;
    }

    PdfFixture page(Line... lines) {
        pages.add(new PageSpec(List.of(lines), false, null));
        return this;
    }

    PdfFixture pageWithPicture(Line... lines) {
        pages.add(new PageSpec(List.of(lines), true, null));
        return this;
    }

    PdfFixture twoColumnPage(List<Line> left, List<Line> right) {
        pages.add(new PageSpec(left, false, right));
        return this;
    }

    PdfFixture passwords(String owner, String user) {
        protection = new StandardProtectionPolicy(owner, user, new AccessPermission());
        protection.setEncryptionKeyLength(128);
        return this;
    }

    byte[] withOutline() {
        return build(true);
    }

    byte[] withoutOutline() {
        return build(false);
    }

    private byte[] build(boolean outline) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDDocumentOutline root = new PDDocumentOutline();
            List<PDOutlineNode> parents = new ArrayList<>(List.of(root));
            Map<String, PDPageDestination> named = new LinkedHashMap<>();
            int number = 0;
            for (PageSpec spec : pages) {
                number++;
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    if (header != null) {
                        show(content, regular, 9, 72, 750, header);
                    }
                    if (footer != null) {
                        show(content, regular, 9, 290, 40, footer.formatted(number));
                    }
                    float y = writeColumn(content, spec.lines(), 72, 700, regular, bold, page, outline, parents, named);
                    if (spec.rightColumn() != null) {
                        writeColumn(content, spec.rightColumn(), 320, 700, regular, bold, page, outline, parents, named);
                    }
                    if (spec.picture()) {
                        PDImageXObject image = LosslessFactory.createFromImage(document, picture());
                        content.drawImage(image, 72, Math.max(80, y - 220), 200, 150);
                    }
                }
            }
            if (outline && root.hasChildren()) {
                document.getDocumentCatalog().setDocumentOutline(root);
            }
            if (!named.isEmpty()) {
                PDDestinationNameTreeNode tree = new PDDestinationNameTreeNode();
                tree.setNames(named);
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                names.setDests(tree);
                document.getDocumentCatalog().setNames(names);
            }
            if (title != null) {
                PDDocumentInformation info = new PDDocumentInformation();
                info.setTitle(title);
                document.setDocumentInformation(info);
            }
            if (protection != null) {
                document.protect(protection);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float writeColumn(PDPageContentStream content, List<Line> lines, float x, float y,
                              PDType1Font regular, PDType1Font bold, PDPage page, boolean outline,
                              List<PDOutlineNode> parents, Map<String, PDPageDestination> named)
            throws IOException {
        for (Line line : lines) {
            float top = y;
            y -= line.size() * 1.5f;
            if (line.bookmarkLevel() > 0) {
                y -= 6;
                top = y + line.size() + 4;
            }
            if (line.text().isEmpty()) {
                y += line.size() * 1.5f + (line.bookmarkLevel() > 0 ? 6 : 0);
                top = y;
            } else {
                show(content, line.bold() ? bold : regular, line.size(), x, y, line.text());
            }
            if (outline && line.bookmarkLevel() > 0) {
                PDOutlineItem item = new PDOutlineItem();
                item.setTitle(line.bookmarkTitle() != null ? line.bookmarkTitle() : line.text());
                PDPageXYZDestination destination = new PDPageXYZDestination();
                destination.setPage(page);
                destination.setTop((int) top);
                destination.setLeft(0);
                switch (links) {
                    case DESTINATION -> item.setDestination(destination);
                    case GOTO_ACTION -> {
                        PDActionGoTo action = new PDActionGoTo();
                        action.setDestination(destination);
                        item.setAction(action);
                    }
                    case NAMED_DESTINATION -> {
                        String name = "dest" + named.size();
                        named.put(name, destination);
                        item.setDestination(new PDNamedDestination(name));
                    }
                }
                int level = line.bookmarkLevel();
                while (parents.size() > level) {
                    parents.remove(parents.size() - 1);
                }
                PDOutlineNode parent = parents.get(parents.size() - 1);
                parent.addLast(item);
                parents.add(item);
            }
        }
        return y;
    }

    private static void show(PDPageContentStream content, PDType1Font font, float size, float x, float y,
                             String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    static BufferedImage picture() {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 400, 300);
        graphics.setColor(Color.BLUE);
        graphics.fillOval(50, 50, 300, 200);
        graphics.dispose();
        return image;
    }

    /** A page with only a picture and no text, as a scanner makes. */
    static byte[] scanned() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, picture()), 50, 50, 500, 680);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
