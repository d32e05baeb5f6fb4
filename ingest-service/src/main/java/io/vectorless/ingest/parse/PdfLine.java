package io.vectorless.ingest.parse;

/**
 * One line of text on a PDF page with the layout cues heading detection needs. Coordinates are in points from the
 * page's top-left corner.
 *
 * @param page     1-based physical page
 * @param text     the line's text
 * @param top      top of the line's tallest glyph
 * @param x0       left edge of the first glyph
 * @param x1       right edge of the last glyph
 * @param fontSize the dominant font size (most characters)
 * @param boldShare fraction of characters set in a bold font
 * @param joined   this is the right-hand part of a visual line that had a wide gap in it (a column gutter or a
 *                 table's cell spacing); it is glued back unless the page turns out to have columns
 */
record PdfLine(int page, String text, float top, float x0, float x1, float fontSize, float boldShare,
               boolean joined) {

    boolean bold() {
        return boldShare >= 0.8f;
    }

    PdfLine glue(PdfLine right) {
        return new PdfLine(page, text + " " + right.text, top, x0, right.x1, fontSize, boldShare, joined);
    }
}
