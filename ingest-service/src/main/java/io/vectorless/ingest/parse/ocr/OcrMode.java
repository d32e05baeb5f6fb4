package io.vectorless.ingest.parse.ocr;

import java.util.Locale;

/** {@code INGEST_OCR}: when pages are recognised from their picture instead of read from their text layer. */
public enum OcrMode {
    /** Pages without a usable text layer, and pictures with text on textual pages. */
    AUTO,
    /** Never: scanned pages stay empty (a scanned document fails). */
    OFF,
    /** Every page, whatever its text layer says (for PDFs whose text layer is known to be wrong). */
    FORCE;

    public static OcrMode parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("INGEST_OCR must be auto, off or force, not '" + value + "'", e);
        }
    }
}
