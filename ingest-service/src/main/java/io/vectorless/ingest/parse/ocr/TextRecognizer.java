package io.vectorless.ingest.parse.ocr;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

/** Finds lines of text in a picture. Implementations bound their own concurrency. */
public interface TextRecognizer {

    /** Why recognition cannot run on this machine, or {@code null} when it can. */
    String unavailableReason();

    /**
     * The lines in reading order of detection; an empty list for a picture without text.
     *
     * @param timeout the longest this call may take, waiting for the engine included
     * @throws OcrTimeoutException when the engine did not answer within {@code timeout}
     */
    List<RecognizedLine> recognize(BufferedImage image, Duration timeout);

    /** A recognizer that is never available (OCR switched off, or tests of the text-only paths). */
    TextRecognizer NONE = new TextRecognizer() {
        @Override
        public String unavailableReason() {
            return "OCR is switched off";
        }

        @Override
        public List<RecognizedLine> recognize(BufferedImage image, Duration timeout) {
            return List.of();
        }
    };
}
