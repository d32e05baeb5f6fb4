package io.vectorless.ingest.parse.ocr;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * PaddleOCR's PP-OCRv3 models (Chinese and English in one recognition model) run by ONNX Runtime, both from Maven
 * Central: nothing to install but the JDK. The model files are read from the class path into memory.
 * <p>
 * There is one engine per process, loaded on first use. Pictures are recognised one at a time (the engine's threads
 * are the parallelism); a call that runs past its time limit is
 * stopped inside ONNX Runtime, so a slow page does not hold the engine after its caller gave up.
 */
public final class OnnxOcrRecognizer implements TextRecognizer {
    private static final Logger log = LoggerFactory.getLogger(OnnxOcrRecognizer.class);
    private static final String DETECTION = "models/ch_PP-OCRv3_det_infer.onnx";
    private static final String RECOGNITION = "models/ch_PP-OCRv3_rec_infer.onnx";
    private static final String ALPHABET = "models/ppocr_keys_v1.txt";
    private static volatile OnnxOcrRecognizer shared;

    private final TextDetector detector;
    private final LineReader reader;
    private final String unavailable;
    private final Semaphore engine = new Semaphore(1, true);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ocr-time-limit");
        thread.setDaemon(true);
        return thread;
    });

    private OnnxOcrRecognizer(int threads) {
        TextDetector loadedDetector = null;
        LineReader loadedReader = null;
        String reason = null;
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            // ONNX Runtime's memory arena stays on: without it every layer allocates afresh, and a page takes ten
            // times as long (measured with OcrBenchmark); its size is bounded by the largest page
            loadedDetector = new TextDetector(environment, environment.createSession(bytes(DETECTION), options));
            List<String> alphabet = new ArrayList<>(new String(bytes(ALPHABET), StandardCharsets.UTF_8).lines()
                    .toList());
            alphabet.add(" ");
            loadedReader = new LineReader(environment, environment.createSession(bytes(RECOGNITION), options),
                    alphabet);
            log.info("OCR engine ready: PP-OCRv3 (Chinese and English) on ONNX Runtime {}, {} threads",
                    environment.getVersion(), threads);
        } catch (IOException | OrtException | RuntimeException | LinkageError e) {
            reason = "the OCR engine cannot run on this machine (" + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + "): " + e.getMessage();
            log.warn("{}; scanned pages will not be recognised", reason);
        }
        this.detector = reason == null ? loadedDetector : null;
        this.reader = reason == null ? loadedReader : null;
        this.unavailable = reason;
    }

    /** The process's one engine, created on first call; later calls return it whatever they ask for. */
    public static OnnxOcrRecognizer shared(int threads) {
        OnnxOcrRecognizer current = shared;
        if (current == null) {
            synchronized (OnnxOcrRecognizer.class) {
                current = shared;
                if (current == null) {
                    current = new OnnxOcrRecognizer(Math.max(1, threads));
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
        if (detector == null) {
            return List.of();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!engine.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new OcrTimeoutException("the OCR engine stayed busy with other pictures for "
                        + timeout.toSeconds() + " seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrTimeoutException("interrupted while waiting for the OCR engine");
        }
        AtomicBoolean stopped = new AtomicBoolean();
        try (OrtSession.RunOptions run = new OrtSession.RunOptions()) {
            ScheduledFuture<?> limit = timer.schedule(() -> stop(run, stopped),
                    Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            try {
                return read(image, run);
            } finally {
                limit.cancel(false);
            }
        } catch (OrtException e) {
            if (stopped.get()) {
                throw new OcrTimeoutException("recognising the picture took longer than " + timeout.toSeconds()
                        + " seconds");
            }
            throw new IllegalStateException("the OCR engine failed: " + e.getMessage(), e);
        } finally {
            engine.release();
        }
    }

    private List<RecognizedLine> read(BufferedImage image, OrtSession.RunOptions run) throws OrtException {
        TextDetector.Detection found = detector.detect(image, run);
        BufferedImage picture = found.picture();
        List<TextDetector.Box> boxes = found.boxes();
        List<BufferedImage> pictures = new ArrayList<>(boxes.size());
        for (TextDetector.Box box : boxes) {
            pictures.add(LineReader.upright(picture.getSubimage(box.x0(), box.y0(), box.width(), box.height())));
        }
        List<LineReader.Reading> readings = reader.read(pictures, run);
        List<RecognizedLine> lines = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            TextDetector.Box box = TextDetector.inked(picture, boxes.get(i));
            LineReader.Reading reading = readings.get(i);
            if (!reading.text().isEmpty()) {
                lines.add(new RecognizedLine(reading.text(), box.x0(), box.y0(), box.x1(), box.y1(),
                        Math.min(box.score(), reading.score())));
            }
        }
        return lines;
    }

    private static void stop(OrtSession.RunOptions run, AtomicBoolean stopped) {
        try {
            stopped.set(true);
            run.setTerminate(true);
        } catch (OrtException e) {
            log.warn("could not stop an OCR run that went past its time limit: {}", e.getMessage());
        }
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = OnnxOcrRecognizer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }
}
