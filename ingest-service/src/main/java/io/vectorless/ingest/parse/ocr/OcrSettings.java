package io.vectorless.ingest.parse.ocr;

import java.time.Duration;

/**
 * How scanned pages and pictures with text are recognised.
 *
 * @param mode          when to recognise ({@code INGEST_OCR})
 * @param dpi           resolution scanned pages are rendered at; 150 keeps body text ~20 px high, which the
 *                      recognition model reads well, at a quarter of the pixels of 300
 * @param pageTimeout   longest wait for one page or picture (waiting for the engine included)
 * @param threads       ONNX threads of the process's one engine
 * @param maxSideLength pictures are scaled down to this longest side before detection
 * @param imageText     also recognise the largest picture of pages that have a text layer (charts, screenshots)
 */
public record OcrSettings(OcrMode mode, int dpi, Duration pageTimeout, int threads, int maxSideLength,
                          boolean imageText) {

    public static OcrSettings defaults() {
        return new OcrSettings(OcrMode.AUTO, 150, Duration.ofSeconds(120),
                Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 2000, true);
    }

    public OcrSettings withMode(OcrMode newMode) {
        return new OcrSettings(newMode, dpi, pageTimeout, threads, maxSideLength, imageText);
    }
}
