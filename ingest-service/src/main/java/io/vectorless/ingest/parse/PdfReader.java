package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import io.vectorless.core.failure.PermanentFailure;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * PDF: structure from the bookmarks, else from a printed contents page, else from layout, else one section per
 * page; running headers and footers dropped, hyphenated line breaks joined, two-column pages read column by column.
 */
final class PdfReader {

    private final ParseContext context;

    PdfReader(ParseContext context) {
        this.context = context;
    }

    ParsedDocument read(byte[] bytes) {
        try (PDDocument document = load(bytes)) {
            int pageCount = document.getNumberOfPages();
            if (pageCount == 0) {
                throw new PermanentFailure("the PDF has no pages");
            }
            context.checkPages(pageCount, "pages");
            metadata(document);
            PdfOcr ocr = new PdfOcr(context);
            PdfLineCollector collected = lines(document);
            List<List<PdfLine>> raw = ocr.recognisePages(document, collected.pages(), collected.unmappedGlyphs());
            List<float[]> sizes = new ArrayList<>(pageCount);
            for (PDPage page : document.getPages()) {
                sizes.add(new float[]{page.getMediaBox().getWidth(), page.getMediaBox().getHeight()});
            }
            List<List<PdfLine>> pages = PdfPageCleaner.clean(raw, sizes);
            if (pages.stream().mapToInt(List::size).sum() == 0) {
                throw new PermanentFailure(ocr.noTextReason(pageCount));
            }
            long blank = raw.stream().filter(List::isEmpty).count();
            if (blank * 4 > pageCount) {
                context.warn(blank + " of " + pageCount + " pages have no text, neither in a text layer nor"
                        + " recognised by OCR");
            }
            ocr.recogniseImages(document, pages);
            images(document);
            return structure(document, pages, pageCount);
        } catch (InvalidPasswordException e) {
            throw new PermanentFailure("the PDF is protected by a password; remove the password and upload it again", e);
        } catch (IOException e) {
            throw new PermanentFailure("the PDF is damaged or truncated and cannot be read ("
                    + DocumentParser.describe(e) + ")", e);
        }
    }

    private PDDocument load(byte[] bytes) throws IOException {
        // memory-only: streams of a large file are not spilled to temp files the service would have to clean up
        PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "", null, null,
                IOUtils.createMemoryOnlyStreamCache());
        if (document.isEncrypted()) {
            // opened with the empty user password: reading is allowed, whatever the owner permissions say
            document.setAllSecurityToBeRemoved(true);
        }
        return document;
    }

    private PdfLineCollector lines(PDDocument document) throws IOException {
        PdfLineCollector collector = new PdfLineCollector(context.deadline);
        collector.writeText(document, Writer.nullWriter());
        return collector;
    }

    private void metadata(PDDocument document) {
        PDDocumentInformation info = document.getDocumentInformation();
        if (info != null) {
            context.metadata("author", info.getAuthor());
            context.metadata("subject", info.getSubject());
            context.metadata("producer", info.getProducer());
            context.metadata("creator", info.getCreator());
        }
    }

    private ParsedDocument structure(PDDocument document, List<List<PdfLine>> pages, int pageCount) {
        String title = document.getDocumentInformation() == null ? null
                : usableTitle(document.getDocumentInformation().getTitle());
        String coverTitle = title == null || title.isBlank() ? CoverTitle.of(pages) : title;
        List<PdfOutline.Entry> outline;
        try {
            outline = PdfOutline.read(document, context);
        } catch (PdfOutline.BrokenOutline e) {
            context.warn(e.getMessage() + ", so headings were taken from the printed contents and the page layout");
            outline = List.of();
        }
        PdfStructure.Result structure = PdfStructure.of(pages, outline, context);
        boolean declared = structure.source() == StructureSource.OUTLINE || structure.source() == StructureSource.TOC;
        String documentTitle = declared || structure.layoutTitle() == null ? coverTitle
                : title == null || title.isBlank() ? structure.layoutTitle() : title;
        return assemble(documentTitle, pages, structure.anchors(), structure.source(), pageCount);
    }

    private ParsedDocument assemble(String title, List<List<PdfLine>> pages, List<Anchor> anchors,
                                    StructureSource source, int pageCount) {
        BlockWriter writer = new BlockWriter();
        int next = 0;
        for (int p = 1; p <= pages.size(); p++) {
            context.deadline.check();
            List<PdfLine> lines = pages.get(p - 1);
            String pending = null;
            PdfLine previous = null;
            int skip = 0;
            for (int i = 0; i <= lines.size(); i++) {
                while (next < anchors.size() && anchors.get(next).page() == p && anchors.get(next).line() <= i) {
                    if (pending != null) {
                        writer.line(pending, p);
                        pending = null;
                    }
                    Anchor anchor = anchors.get(next++);
                    writer.heading(anchor.level(), anchor.title(), p);
                    skip = Math.max(skip, anchor.line() + anchor.skip() - i);
                }
                if (i == lines.size()) {
                    break;
                }
                if (skip > 0) {
                    skip--;
                    continue;
                }
                PdfLine line = lines.get(i);
                String text = line.text();
                if (previous != null && startsParagraph(previous, line)) {
                    if (pending != null) {
                        writer.line(pending, p);
                        pending = null;
                    }
                    writer.paragraphBreak();
                }
                previous = line;
                if (pending != null && joinsHyphenated(pending, text)) {
                    pending = pending.substring(0, pending.length() - 1) + text;
                } else {
                    if (pending != null) {
                        writer.line(pending, p);
                    }
                    pending = text;
                }
            }
            if (pending != null) {
                writer.line(pending, p);
            }
            while (next < anchors.size() && anchors.get(next).page() == p) {
                Anchor anchor = anchors.get(next++);
                writer.heading(anchor.level(), anchor.title(), p);
            }
        }
        return context.result(title, pageCount, source, writer.blocks());
    }

    /** Producers often store the source file's name as the title ("Microsoft Word - draft3.docx"): not a title. */
    static String usableTitle(String title) {
        if (title == null) {
            return null;
        }
        String clean = Text.oneLine(title).replaceFirst("(?i)^microsoft (word|powerpoint|excel) - ", "");
        if (clean.isEmpty() || clean.matches("(?i).*\\.(docx?|pptx?|xlsx?|pdf|odt|rtf|txt|tex|indd)$")
                || clean.equalsIgnoreCase("untitled")) {
            return null;
        }
        return clean;
    }

    /** More space above a line than line spacing explains, or a jump back up to the next column. */
    static boolean startsParagraph(PdfLine previous, PdfLine line) {
        float gap = line.top() - previous.top();
        return gap < -previous.fontSize() || gap > 1.75f * Math.max(previous.fontSize(), line.fontSize());
    }

    /** "exam-" + "ple" is one word; "well-" + "Known" or "2019-" + "2020" keep their hyphen. */
    static boolean joinsHyphenated(String previous, String next) {
        int length = previous.length();
        return length >= 2 && previous.charAt(length - 1) == '-' && Character.isLetter(previous.charAt(length - 2))
                && !next.isEmpty() && Character.isLowerCase(next.charAt(0));
    }

    private void images(PDDocument document) {
        int pageNumber = 0;
        for (PDPage page : document.getPages()) {
            pageNumber++;
            if (!context.wantsMoreImages()) {
                return;
            }
            context.deadline.check();
            PDImageXObject image = PdfImages.largestImage(page, context.limits.minImageDimension());
            if (image == null) {
                continue;
            }
            try {
                byte[] png = PdfImages.png(image, context.limits.maxImageDimension());
                context.image(pageNumber, "png", "image/png", png, "Page " + pageNumber + " visual content");
            } catch (IOException | RuntimeException e) {
                context.warn("the picture on page " + pageNumber + " could not be decoded: "
                        + DocumentParser.describe(e));
            }
        }
    }
}
