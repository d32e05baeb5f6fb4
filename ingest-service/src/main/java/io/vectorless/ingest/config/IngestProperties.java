package io.vectorless.ingest.config;

import io.vectorless.ingest.parse.ParseLimits;
import io.vectorless.ingest.parse.ocr.OcrMode;
import io.vectorless.ingest.parse.ocr.OcrSettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/** Parsing limits and image bounds ({@code vectorless.ingest.*}). */
@Validated
@ConfigurationProperties("vectorless.ingest")
public record IngestProperties(@DefaultValue Limits limits, @DefaultValue Images images, @DefaultValue Ocr ocr) {

    /**
     * @param mode          auto (pages without usable text and pictures with text), off, or force (every page)
     * @param dpi           resolution scanned pages are rendered at for recognition
     * @param pageTimeout   longest wait for one page's recognition
     * @param threads       ONNX threads of the one OCR engine of the process (0: half the processors); pages are
     *                      recognised one at a time per process, so this is the OCR concurrency
     * @param maxSide       pictures are scaled to at most this many pixels on their longest side
     * @param imageText     recognise pictures on pages that have text (charts, screenshots)
     */
    public record Ocr(
            @DefaultValue("auto") @NotNull String mode,
            @DefaultValue("150") @Min(50) int dpi,
            @DefaultValue("120s") @NotNull Duration pageTimeout,
            @DefaultValue("0") @Min(0) int threads,
            @DefaultValue("2000") @Min(320) int maxSide,
            @DefaultValue("true") boolean imageText) {

        public OcrSettings toSettings() {
            int engineThreads = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
            return new OcrSettings(OcrMode.parse(mode), dpi, pageTimeout, engineThreads, maxSide, imageText);
        }
    }

    /**
     * @param maxPages        documents with more pages or slides fail
     * @param timeout         wall-clock budget for parsing one document
     * @param maxZipEntry     largest inflated entry of a DOCX/PPTX archive
     * @param maxUncompressed largest inflated DOCX/PPTX archive in total
     * @param maxInflateRatio inflation beyond this ratio is treated as a decompression bomb
     * @param charsPerPage    page size for formats without pages (DOCX, Markdown, text)
     */
    public record Limits(
            @DefaultValue("2000") @Min(1) int maxPages,
            @DefaultValue("5m") @NotNull Duration timeout,
            @DefaultValue("256MB") @NotNull DataSize maxZipEntry,
            @DefaultValue("1GB") @NotNull DataSize maxUncompressed,
            @DefaultValue("100") @Min(2) double maxInflateRatio,
            @DefaultValue("3000") @Min(100) int charsPerPage) {
    }

    /**
     * @param maxPerDocument images kept per document
     * @param maxDimension   longest side of a stored image in pixels
     * @param minDimension   smaller pictures are decoration and skipped
     */
    public record Images(
            @DefaultValue("50") @Min(0) int maxPerDocument,
            @DefaultValue("1024") @Min(16) int maxDimension,
            @DefaultValue("64") @Min(1) int minDimension) {
    }

    public ParseLimits toParseLimits() {
        return new ParseLimits(limits.maxPages(), images.maxPerDocument(), images.maxDimension(),
                images.minDimension(), limits.timeout(), limits.maxZipEntry().toBytes(),
                limits.maxUncompressed().toBytes(), limits.maxInflateRatio(), limits.charsPerPage());
    }
}
