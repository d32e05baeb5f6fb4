package io.vectorless.ingest.parse.ocr;

/**
 * One line of text found in an image, with its box in the image's pixels (origin top-left).
 *
 * @param confidence how sure the engine is of the line, 0..1: the lower of the detector's score for the box and
 *                   the recogniser's mean probability of the characters read
 */
public record RecognizedLine(String text, float x0, float y0, float x1, float y1, float confidence) {

    public float height() {
        return y1 - y0;
    }
}
