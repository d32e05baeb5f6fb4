package io.vectorless.ingest.parse;

import io.vectorless.ingest.parse.ocr.OcrMode;
import io.vectorless.ingest.parse.ocr.OcrTimeoutException;
import io.vectorless.ingest.parse.ocr.RecognizedLine;
import io.vectorless.ingest.parse.ocr.TextRecognizer;
import io.vectorless.core.failure.PermanentFailure;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The PDF reader's OCR step. Pages without a usable text layer (none, too little, or garbage from fonts without a
 * Unicode mapping) are rendered one at a time and recognised; the recognised lines become {@link PdfLine}s with
 * their positions and sizes, so headers, headings and printed contents are found on them as on text pages.
 * Pictures on pages that do have text are recognised too, and their text is attached to the page.
 */
final class PdfOcr {
    static final String STAGE = "ocr";
    private static final float MIN_CONFIDENCE = 0.5f;
    /** A rendered page holds at most this many pixels (one byte each): 40 MB, whatever the page's size. */
    static final double MAX_PIXELS = 40_000_000;

    private final ParseContext context;
    private final java.util.Set<Integer> recognisedPages = new java.util.HashSet<>();
    private TextRecognizer recognizer;
    private int timedOutPages;

    PdfOcr(ParseContext context) {
        this.context = context;
    }

    /**
     * Pages in the order given, with the ones that needed OCR replaced by what was recognised on them: pages without
     * a usable text layer, and pages whose fonts drew many glyphs the text layer could not name.
     */
    List<List<PdfLine>> recognisePages(PDDocument document, List<List<PdfLine>> raw, List<Integer> unmappedGlyphs) {
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (context.ocr.mode() == OcrMode.FORCE || !TextLayer.usable(raw.get(i))
                    || TextLayer.lostGlyphs(raw.get(i), unmappedGlyphs.get(i))) {
                todo.add(i);
            }
        }
        if (todo.isEmpty() || context.ocr.mode() == OcrMode.OFF || engine() == null) {
            return raw;
        }
        // decoded pictures are not kept between pages: a 300-page scan holds one page's picture at a time
        document.setResourceCache(new NoImageCache());
        PDFRenderer renderer = new PDFRenderer(document);
        List<List<PdfLine>> pages = new ArrayList<>(raw);
        List<PdfLine> recognised = new ArrayList<>();
        long start = System.nanoTime();
        context.progress.update(STAGE, 0, todo.size(), 0);
        for (int n = 0; n < todo.size(); n++) {
            int index = todo.get(n);
            checkBudget(n, todo.size(), start);
            List<PdfLine> lines = recognisePage(renderer, document, index);
            if (!lines.isEmpty() || context.ocr.mode() == OcrMode.FORCE) {
                pages.set(index, lines);
                recognised.addAll(lines);
                recognisedPages.add(index);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            context.progress.update(STAGE, n + 1, todo.size(), seconds > 0 ? (n + 1) / seconds : 0);
        }
        context.metadata("ocr_pages", Integer.toString(todo.size()));
        return OcrLines.evenSizes(pages, recognised);
    }

    /** Why a document without any text could not be read, for the failure reason. */
    String noTextReason(int pageCount) {
        if (context.ocr.mode() == OcrMode.OFF) {
            return "no extractable text: the PDF looks scanned and OCR is switched off (INGEST_OCR=off)";
        }
        TextRecognizer engine = engine();
        if (engine == null) {
            return "no extractable text: the PDF looks scanned and " + recognizer.unavailableReason();
        }
        if (timedOutPages > 0) {
            return "no text found: OCR did not finish " + timedOutPages + " of " + pageCount + " pages within the"
                    + " per-page limit (INGEST_OCR_PAGE_TIMEOUT); the service is too busy or the pages too large";
        }
        return "no text found: the PDF has no text layer and OCR recognised no text on its " + pageCount
                + (pageCount == 1 ? " page" : " pages");
    }

    /** Text in the largest picture of each page that kept its own text layer. */
    void recogniseImages(PDDocument document, List<List<PdfLine>> pages) {
        // the engine is loaded only once a page has a picture to read: most text PDFs never need it
        if (context.ocr.mode() != OcrMode.AUTO || !context.ocr.imageText()) {
            return;
        }
        int recognisedPictures = 0;
        for (int i = 0; i < pages.size(); i++) {
            List<PdfLine> lines = pages.get(i);
            if (lines.isEmpty() || recognisedPages.contains(i)) {
                continue;
            }
            if (context.deadline.remaining().compareTo(context.limits.timeout().dividedBy(4)) < 0) {
                context.warn("text in pictures was not recognised after page " + i
                        + ": the parse time limit was running out");
                return;
            }
            PDImageXObject image = PdfImages.largestImage(document.getPage(i), 100);
            if (image == null || Math.min(image.getWidth(), image.getHeight()) < 100) {
                continue;
            }
            if (engine() == null) {
                return;
            }
            try {
                int longest = Math.max(image.getWidth(), image.getHeight());
                BufferedImage picture = image.getImage(null, Math.max(1, longest / context.ocr.maxSideLength()));
                List<String> text = OcrLines.pictureText(recognizer.recognize(picture, pageTimeout()), lines,
                        MIN_CONFIDENCE);
                if (!text.isEmpty()) {
                    context.imageText(i + 1, text);
                    recognisedPictures++;
                }
            } catch (OcrTimeoutException e) {
                context.warn("the picture on page " + (i + 1) + " was not recognised: " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                context.warn("the picture on page " + (i + 1) + " could not be decoded for OCR: "
                        + DocumentParser.describe(e));
            }
        }
        if (recognisedPictures > 0) {
            context.metadata("ocr_pictures", Integer.toString(recognisedPictures));
        }
    }

    private List<PdfLine> recognisePage(PDFRenderer renderer, PDDocument document, int index) {
        try {
            PDRectangle box = document.getPage(index).getCropBox();
            float scale = renderScale(box.getWidth(), box.getHeight(), context.ocr.dpi());
            BufferedImage picture = render(renderer, document.getPage(index), index, scale, scale);
            return OcrLines.toPdfLines(index + 1, recognizer.recognize(picture, pageTimeout()), 1 / scale,
                    1 / scale, MIN_CONFIDENCE);
        } catch (OcrTimeoutException e) {
            timedOutPages++;
            context.warn("page " + (index + 1) + " was not recognised: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            context.warn("page " + (index + 1) + " could not be rendered for OCR: " + DocumentParser.describe(e));
        }
        return List.of();
    }

    /**
     * Pixels per point for a page of {@code width × height} points: the configured resolution, lowered for a page so
     * large (a poster, or a hostile 200-inch page) that its picture would pass {@link #MAX_PIXELS}.
     */
    static float renderScale(float width, float height, int dpi) {
        float scale = dpi / 72f;
        double pixels = (double) width * height * scale * scale;
        return pixels <= MAX_PIXELS ? scale : (float) Math.sqrt(MAX_PIXELS / ((double) width * height));
    }

    private static BufferedImage render(PDFRenderer renderer, PDPage page, int index, float scaleX, float scaleY)
            throws IOException {
        PDRectangle box = page.getCropBox();
        boolean sideways = page.getRotation() % 180 != 0;
        float width = sideways ? box.getHeight() : box.getWidth();
        float height = sideways ? box.getWidth() : box.getHeight();
        BufferedImage image = new BufferedImage(Math.max(1, Math.round(width * scaleX)),
                Math.max(1, Math.round(height * scaleY)), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setBackground(Color.WHITE);
            graphics.clearRect(0, 0, image.getWidth(), image.getHeight());
            renderer.renderPageToGraphics(index, graphics, scaleX, scaleY);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    /** After two pages the pace is known: a document that cannot finish in time fails now, saying why. */
    private void checkBudget(int done, int total, long start) {
        context.deadline.check();
        if (done < 2) {
            return;
        }
        double perPage = (System.nanoTime() - start) / 1e9 / done;
        double needed = perPage * (total - done);
        Duration left = context.deadline.remaining();
        if (needed > left.toMillis() / 1000.0) {
            throw new PermanentFailure(String.format(Locale.ROOT, "the document needs OCR on %d pages, which at"
                    + " %.1f seconds a page would take about %s, more than the parse time limit of %s"
                    + " (INGEST_PARSE_TIMEOUT)", total, perPage, human(Math.round(perPage * total)),
                    human(context.limits.timeout().toSeconds())));
        }
    }

    private static String human(long seconds) {
        return seconds < 120 ? seconds + " seconds" : (seconds + 30) / 60 + " minutes";
    }

    private Duration pageTimeout() {
        Duration left = context.deadline.remaining();
        return left.compareTo(context.ocr.pageTimeout()) < 0 ? left : context.ocr.pageTimeout();
    }

    private TextRecognizer engine() {
        if (recognizer == null) {
            recognizer = context.recognizer.get();
        }
        return recognizer.unavailableReason() == null ? recognizer : null;
    }

    /** Keeps fonts and colour spaces cached as PDFBox does, but not decoded pictures. */
    private static final class NoImageCache extends DefaultResourceCache {
        @Override
        public void put(COSObject indirect, PDXObject xobject) {
            // pictures are decoded again when needed: holding every page's scan would grow with the page count
        }
    }
}
