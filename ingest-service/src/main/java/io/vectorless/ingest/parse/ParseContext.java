package io.vectorless.ingest.parse;

import io.vectorless.ingest.parse.ocr.OcrSettings;
import io.vectorless.ingest.parse.ocr.TextRecognizer;
import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.PageImage;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import io.vectorless.core.failure.PermanentFailure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What every format reader needs for one document, and the images and warnings it gathers. */
final class ParseContext {
    final SourceFile source;
    final DocumentFormat format;
    final ParseLimits limits;
    final Deadline deadline;
    final OcrSettings ocr;
    final Supplier<TextRecognizer> recognizer;
    final ParseProgress progress;
    private final ImageSink sink;
    private final Map<Integer, List<String>> imageText = new LinkedHashMap<>();
    private final List<PageImage> images = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Map<Integer, Integer> imagesPerPage = new LinkedHashMap<>();
    private boolean imageLimitWarned;
    private final Map<String, Integer> structureSources = new LinkedHashMap<>();
    private final List<String> structureNotes = new ArrayList<>();
    private Double agreement;

    ParseContext(SourceFile source, DocumentFormat format, ParseLimits limits, Deadline deadline, ImageSink sink) {
        this(source, format, limits, deadline, sink, OcrSettings.defaults().withMode(
                io.vectorless.ingest.parse.ocr.OcrMode.OFF), () -> TextRecognizer.NONE, ParseProgress.NONE);
    }

    ParseContext(SourceFile source, DocumentFormat format, ParseLimits limits, Deadline deadline, ImageSink sink,
                 OcrSettings ocr, Supplier<TextRecognizer> recognizer, ParseProgress progress) {
        this.source = source;
        this.format = format;
        this.limits = limits;
        this.deadline = deadline;
        this.sink = sink;
        this.ocr = ocr;
        this.recognizer = recognizer;
        this.progress = progress;
    }

    /** Text recognised in a picture on {@code page}; it is added to that page's text when the result is built. */
    void imageText(int page, List<String> lines) {
        imageText.computeIfAbsent(page, p -> new ArrayList<>()).addAll(lines);
    }

    boolean wantsMoreImages() {
        if (images.size() < limits.maxImages()) {
            return true;
        }
        if (!imageLimitWarned) {
            imageLimitWarned = true;
            warn("more than " + limits.maxImages() + " images: only the first " + limits.maxImages() + " were kept");
        }
        return false;
    }

    void image(int page, String extension, String mediaType, byte[] bytes, String caption) {
        if (!wantsMoreImages()) {
            return;
        }
        int index = imagesPerPage.merge(page, 1, Integer::sum) - 1;
        String key = sink.store(page, index, extension, mediaType, bytes);
        images.add(new PageImage(page, key, mediaType, caption, bytes.length));
    }

    void warn(String warning) {
        if (warnings.size() < 50) {
            warnings.add(warning);
        }
    }

    /** A source of headings the reader found, and how many entries it gave (reported even when not used). */
    void structureSource(String name, int entries) {
        if (entries > 0) {
            structureSources.put(name, entries);
        }
    }

    /** Share of the headings kept that a second source confirms. */
    void agreement(Double share) {
        this.agreement = share;
    }

    void structureNote(String note) {
        structureNotes.add(note);
    }

    void metadata(String key, String value) {
        if (value != null && !value.isBlank()) {
            metadata.put(key, Text.oneLine(value));
        }
    }

    void checkPages(int pages, String unit) {
        if (pages > limits.maxPages()) {
            throw new PermanentFailure("the document has " + pages + " " + unit
                    + ", more than the limit of " + limits.maxPages());
        }
    }

    ParsedDocument result(String title, int pageCount, StructureSource structure, List<Block> blocks) {
        String cleanTitle = title == null || title.isBlank() ? null : Text.oneLine(title);
        ParsedDocument parsed = new ParsedDocument(ParsedDocument.SCHEMA_VERSION, source.documentId(),
                source.version(), format.wire(), cleanTitle, Math.max(1, pageCount), structure,
                ImageText.attach(blocks, imageText), images, metadata, warnings);
        return parsed.withStructure(StructureReports.of(parsed, structureSources, agreement, structureNotes));
    }
}
