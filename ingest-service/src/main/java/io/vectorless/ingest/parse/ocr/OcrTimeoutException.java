package io.vectorless.ingest.parse.ocr;

/** Recognising one picture took longer than its time limit. */
public final class OcrTimeoutException extends RuntimeException {
    public OcrTimeoutException(String message) {
        super(message);
    }
}
