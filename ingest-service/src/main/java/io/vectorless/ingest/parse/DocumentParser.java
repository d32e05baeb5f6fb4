package io.vectorless.ingest.parse;

import io.vectorless.ingest.parse.ocr.OcrSettings;
import io.vectorless.ingest.parse.ocr.OnnxOcrRecognizer;
import io.vectorless.ingest.parse.ocr.TextRecognizer;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.core.failure.FailureReasons;
import io.vectorless.core.failure.PermanentFailure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Turns an original file into a {@link ParsedDocument}. The format is detected from content; every file that cannot
 * be read ends in a {@link PermanentFailure} whose message tells a person why. Each parse runs on a worker thread
 * under the time limit, so a pathological file cannot hold the caller forever.
 */
public final class DocumentParser implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ParseLimits limits;
    private final OcrSettings ocr;
    private final Supplier<TextRecognizer> recognizer;
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "document-parser-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** With OCR as configured by default: automatic, on the process's one engine, loaded when a page needs it. */
    public DocumentParser(ParseLimits limits) {
        this(limits, OcrSettings.defaults());
    }

    public DocumentParser(ParseLimits limits, OcrSettings ocr) {
        this(limits, ocr, () -> OnnxOcrRecognizer.shared(ocr.threads()));
    }

    public DocumentParser(ParseLimits limits, OcrSettings ocr, Supplier<TextRecognizer> recognizer) {
        this.limits = limits;
        this.ocr = ocr;
        this.recognizer = recognizer;
    }

    public ParseLimits limits() {
        return limits;
    }

    public ParsedDocument parse(Path file, SourceFile source, ImageSink images) {
        try {
            return parse(Files.readAllBytes(file), source, images);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public ParsedDocument parse(InputStream in, SourceFile source, ImageSink images) {
        try {
            return parse(in.readAllBytes(), source, images);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the original of document " + source.documentId(), e);
        }
    }

    public ParsedDocument parse(byte[] bytes, SourceFile source, ImageSink images) {
        return parse(bytes, source, images, ParseProgress.NONE);
    }

    public ParsedDocument parse(byte[] bytes, SourceFile source, ImageSink images, ParseProgress progress) {
        Future<ParsedDocument> result = workers.submit(() -> parseNow(bytes, source, images, progress));
        try {
            return result.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw Deadline.timedOut(limits.timeout());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing document " + source.documentId(), e);
        } catch (CancellationException e) {
            throw Deadline.timedOut(limits.timeout());
        } catch (ExecutionException e) {
            throw unwrap(e.getCause(), source);
        }
    }

    /** Parses on the calling thread without progress reports. */
    public ParsedDocument parseNow(byte[] bytes, SourceFile source, ImageSink images) {
        return parseNow(bytes, source, images, ParseProgress.NONE);
    }

    /** Parses on the calling thread (the time limit is then only checked between pages). */
    public ParsedDocument parseNow(byte[] bytes, SourceFile source, ImageSink images, ParseProgress progress) {
        Deadline deadline = new Deadline(limits.timeout());
        DocumentFormat format = new FormatDetector(limits).detect(bytes, source);
        ParseContext context = new ParseContext(source, format, limits, deadline, images, ocr, recognizer, progress);
        return switch (format) {
            case PDF -> new PdfReader(context).read(bytes);
            case DOCX -> new DocxReader(context).read(bytes);
            case PPTX -> new PptxReader(context).read(bytes);
            case MARKDOWN -> new MarkdownReader(context).read(TextDecoding.decode(bytes));
            case TEXT -> new PlainTextReader(context).read(TextDecoding.decode(bytes));
            case HTML -> new HtmlReader(context).read(bytes);
            case EPUB -> new EpubReader(context).read(bytes);
        };
    }

    private static RuntimeException unwrap(Throwable cause, SourceFile source) {
        if (cause instanceof PermanentFailure failure) {
            return failure;
        }
        if (cause instanceof OutOfMemoryError) {
            return new PermanentFailure("the document needs more memory than the service has; it is too large or"
                    + " too complex to process", cause);
        }
        if (cause instanceof StackOverflowError) {
            return new PermanentFailure("the document's structure is nested too deeply to process", cause);
        }
        if (cause instanceof RuntimeException runtime) {
            // a library choking on the file: retrying the same bytes cannot help
            return new PermanentFailure("the file could not be parsed: " + describe(runtime), runtime);
        }
        return new IllegalStateException("parsing document " + source.documentId() + " failed", cause);
    }

    static String describe(Throwable e) {
        return FailureReasons.describe(e, "its content is not valid");
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
