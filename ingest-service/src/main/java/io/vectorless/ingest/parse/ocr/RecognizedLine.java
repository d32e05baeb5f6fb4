package io.vectorless.ingest.parse.ocr;

/**
 * One line of text found in an image, with its box in the image's pixels (origin top-left).
 *
 * @param confidence the detector's box score, 0..1
 */
public record RecognizedLine(String text, float x0, float y0, float x1, float y1, float confidence) {

    public float height() {
        return y1 - y0;
    }
}
