package io.vectorless.ingest.parse;

import java.util.List;

/**
 * Whether a page's text layer can be trusted. A scan has none (or a stray page number); a PDF whose fonts lack a
 * Unicode mapping yields replacement characters, control codes, private-use code points or symbol soup; a font
 * with a shuffled encoding yields "words" without vowels. Such pages are read from their picture instead.
 */
final class TextLayer {
    private static final int MIN_CHARS = 10;
    private static final int MIN_LOST = 20;

    private TextLayer() {
    }

    /**
     * Whether a page lost a tenth or more of its text to glyphs without a Unicode mapping (at least a line's worth):
     * what is left reads cleanly, but is not the page.
     */
    static boolean lostGlyphs(List<PdfLine> lines, int unmappedGlyphs) {
        if (unmappedGlyphs < MIN_LOST) {
            return false;
        }
        long kept = lines.stream().mapToLong(line -> line.text().codePoints()
                .filter(c -> !Character.isWhitespace(c)).count()).sum();
        return unmappedGlyphs * 10L >= kept + unmappedGlyphs;
    }

    static boolean usable(List<PdfLine> lines) {
        int chars = 0;
        int bad = 0;
        int lettersOrDigits = 0;
        int latinWords = 0;
        int vowelless = 0;
        for (PdfLine line : lines) {
            String text = line.text();
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                i += Character.charCount(c);
                if (Character.isWhitespace(c)) {
                    continue;
                }
                chars++;
                if (c == 0xFFFD || Character.isISOControl(c) || c >= 0xE000 && c <= 0xF8FF) {
                    bad++;
                } else if (Character.isLetterOrDigit(c)) {
                    lettersOrDigits++;
                }
            }
            for (String word : text.split("\\s+")) {
                if (word.length() >= 4 && word.chars().allMatch(ch -> ch < 128 && Character.isLetter(ch))) {
                    latinWords++;
                    if (word.chars().noneMatch(ch -> "aeiouyAEIOUY".indexOf(ch) >= 0)) {
                        vowelless++;
                    }
                }
            }
        }
        if (chars < MIN_CHARS) {
            return false;
        }
        boolean garbled = bad * 5 > chars || lettersOrDigits * 2 < chars
                || latinWords >= 20 && vowelless * 2 > latinWords;
        return !garbled;
    }
}
