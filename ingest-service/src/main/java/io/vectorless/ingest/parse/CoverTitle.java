package io.vectorless.ingest.parse;

import java.util.List;

/**
 * The title printed on a PDF's first page: its largest type, clearly above the body text. Used when the file's
 * metadata has no title and the headings come from bookmarks or a printed contents page, whose first entry is
 * usually "Introduction" rather than the document's name.
 */
final class CoverTitle {
    private static final float MIN_RATIO = 1.3f;
    private static final int MAX_CHARS = 160;

    private CoverTitle() {
    }

    /** The cover title, or {@code null} when the first page has no line clearly set as one. */
    static String of(List<List<PdfLine>> pages) {
        if (pages.isEmpty() || pages.get(0).isEmpty()) {
            return null;
        }
        List<PdfLine> first = pages.get(0);
        float largest = 0;
        for (PdfLine line : first) {
            if (letters(line.text()) >= 2) {
                largest = Math.max(largest, line.fontSize());
            }
        }
        if (largest < MIN_RATIO * LayoutHeadings.bodySize(pages)) {
            return null;
        }
        StringBuilder title = new StringBuilder();
        PdfLine previous = null;
        for (PdfLine line : first) {
            boolean titleSize = Math.abs(line.fontSize() - largest) < 0.5f && letters(line.text()) >= 1;
            if (titleSize && (previous == null || line.top() - previous.top() <= 2.5f * largest)) {
                title.append(title.length() == 0 ? "" : " ").append(line.text().strip());
                previous = line;
            } else if (previous != null) {
                break;
            }
        }
        String text = title.toString().strip();
        return text.isEmpty() || text.length() > MAX_CHARS ? null : text;
    }

    private static int letters(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
