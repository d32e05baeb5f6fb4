package io.vectorless.ingest.parse.ocr;

import com.benjaminwan.ocrlibrary.OcrEngine;
import com.benjaminwan.ocrlibrary.OcrResult;
import com.benjaminwan.ocrlibrary.Point;
import com.benjaminwan.ocrlibrary.TextBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * PaddleOCR's PP-OCRv3 models (Chinese and English in one recognition model) run by ONNX Runtime through the
 * RapidOCR JNI library, all from Maven Central: nothing to install but the JDK.
 * <p>
 * The native side keeps one engine per process (created when the library loads), so there is exactly one engine
 * per JVM, loaded on first use, and calls reach it one at a time through a single worker thread; its ONNX threads
 * are the parallelism. The library and models are copied into a private temporary directory of this process (the
 * packaging's own loader shares one directory between processes, which races when several services start at once).
 */
public final class RapidOcrRecognizer implements TextRecognizer {
    private static final Logger log = LoggerFactory.getLogger(RapidOcrRecognizer.class);
    private static final String DET = "ch_PP-OCRv3_det_infer.onnx";
    private static final String CLS = "ch_ppocr_mobile_v2.0_cls_infer.onnx";
    private static final String REC = "ch_PP-OCRv3_rec_infer.onnx";
    private static final String KEYS = "ppocr_keys_v1.txt";
    private static volatile RapidOcrRecognizer shared;

    private final OcrEngine engine;
    private final Path workDir;
    private final String unavailable;
    private final int maxSideLength;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ocr-engine");
        thread.setDaemon(true);
        return thread;
    });

    private RapidOcrRecognizer(int threads, int maxSideLength) {
        this.maxSideLength = maxSideLength;
        OcrEngine loaded = null;
        Path dir = null;
        String reason = null;
        try {
            dir = Files.createTempDirectory("vectorless-ocr");
            Path library = dir.resolve(System.mapLibraryName("RapidOcr"));
            copy("lib/" + library.getFileName(), library);
            for (String model : List.of(DET, CLS, REC, KEYS)) {
                copy("models/" + model, dir.resolve(model));
            }
            System.load(library.toAbsolutePath().toString());
            loaded = new OcrEngine();
            loaded.initLogger(false, false, false);
            loaded.setNumThread(threads);
            if (!loaded.initModels(dir.toAbsolutePath() + "/", DET, CLS, REC, KEYS)) {
                throw new IllegalStateException("the OCR models did not load");
            }
            log.info("OCR engine ready: RapidOCR {} with PP-OCRv3 (Chinese and English), {} threads",
                    loaded.getVersion(), threads);
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            reason = "the OCR engine cannot run on this machine (" + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + "): " + e.getMessage();
            log.warn("{}; scanned pages will not be recognised", reason);
            loaded = null;
        }
        this.engine = loaded;
        this.workDir = dir;
        this.unavailable = reason;
        Path cleanup = dir;
        if (cleanup != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(cleanup), "ocr-cleanup"));
        }
    }

    /**
     * The process's one engine, created on first call (the models take a fraction of a second and ~100 MB).
     * Later calls return the same engine whatever they ask for.
     */
    public static RapidOcrRecognizer shared(int threads, int maxSideLength) {
        RapidOcrRecognizer current = shared;
        if (current == null) {
            synchronized (RapidOcrRecognizer.class) {
                current = shared;
                if (current == null) {
                    current = new RapidOcrRecognizer(Math.max(1, threads), maxSideLength);
                    shared = current;
                }
            }
        }
        return current;
    }

    @Override
    public String unavailableReason() {
        return unavailable;
    }

    @Override
    public List<RecognizedLine> recognize(BufferedImage image, Duration timeout) {
        if (engine == null) {
            return List.of();
        }
        Path file;
        try {
            // the native side reads a file: an uncompressed bitmap is the cheapest to write and to read back
            file = Files.createTempFile(workDir, "page", ".bmp");
            if (!ImageIO.write(image, "bmp", file.toFile())) {
                throw new IOException("no BMP writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand the picture to the OCR engine", e);
        }
        Future<OcrResult> result = worker.submit(() -> {
            try {
                // padding 50 (lines at the edge), longest side capped, box thresholds as RapidOCR's defaults
                return engine.detect(file.toString(), 50, maxSideLength, 0.5f, 0.3f, 1.6f, true, true);
            } finally {
                Files.deleteIfExists(file);
            }
        });
        try {
            return lines(result.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            // the native call cannot be stopped; it finishes in the background and the next picture waits for it
            result.cancel(false);
            throw new OcrTimeoutException("recognising the picture took longer than " + timeout.toSeconds()
                    + " seconds");
        } catch (InterruptedException e) {
            result.cancel(false);
            Thread.currentThread().interrupt();
            throw new OcrTimeoutException("interrupted while recognising a picture");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the OCR engine failed: " + e.getCause(), e.getCause());
        }
    }

    private static List<RecognizedLine> lines(OcrResult result) {
        List<RecognizedLine> lines = new ArrayList<>();
        if (result == null || result.getTextBlocks() == null) {
            return lines;
        }
        for (TextBlock block : result.getTextBlocks()) {
            String text = block.getText() == null ? "" : block.getText().strip();
            List<Point> box = block.getBoxPoint();
            if (text.isEmpty() || box == null || box.isEmpty()) {
                continue;
            }
            float x0 = Float.MAX_VALUE;
            float y0 = Float.MAX_VALUE;
            float x1 = -Float.MAX_VALUE;
            float y1 = -Float.MAX_VALUE;
            for (Point point : box) {
                x0 = Math.min(x0, point.getX());
                y0 = Math.min(y0, point.getY());
                x1 = Math.max(x1, point.getX());
                y1 = Math.max(y1, point.getY());
            }
            lines.add(new RecognizedLine(text, x0, y0, x1, y1, block.getBoxScore()));
        }
        lines.sort(Comparator.comparingDouble(RecognizedLine::y0).thenComparingDouble(RecognizedLine::x0));
        return lines;
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = RapidOcrRecognizer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the class path");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory: the OS cleans it eventually
        }
    }
}
