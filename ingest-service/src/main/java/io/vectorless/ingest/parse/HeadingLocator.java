package io.vectorless.ingest.parse;

import java.util.List;

/** Finds the line(s) where a known heading title is printed on a page. Line keys are computed once per page. */
final class HeadingLocator {
    private final List<List<PdfLine>> pages;
    private final String[][] keys;

    HeadingLocator(List<List<PdfLine>> pages) {
        this.pages = pages;
        this.keys = new String[pages.size()][];
    }

    /**
     * @param page  1-based page
     * @param from  first line index to consider (headings on one page come in order)
     * @param nearY when the position is known (points from the top), the match closest to it wins; NaN otherwise
     * @return {line index, lines the title spans}, or null when the title is not printed on the page
     */
    int[] locate(int page, String title, int from, float nearY) {
        String wanted = Text.key(title);
        if (wanted.isEmpty() || page < 1 || page > pages.size()) {
            return null;
        }
        List<PdfLine> lines = pages.get(page - 1);
        String[] lineKeys = keys(page);
        int[] best = null;
        float bestDistance = Float.MAX_VALUE;
        for (int i = Math.max(0, from); i < lines.size(); i++) {
            int span = spanAt(lineKeys, i, wanted);
            if (span == 0) {
                continue;
            }
            if (Float.isNaN(nearY)) {
                return new int[]{i, span};
            }
            float distance = Math.abs(lines.get(i).top() - nearY);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = new int[]{i, span};
            }
        }
        return best;
    }

    private String[] keys(int page) {
        String[] pageKeys = keys[page - 1];
        if (pageKeys == null) {
            List<PdfLine> lines = pages.get(page - 1);
            pageKeys = new String[lines.size()];
            for (int i = 0; i < pageKeys.length; i++) {
                pageKeys[i] = Text.key(lines.get(i).text());
            }
            keys[page - 1] = pageKeys;
        }
        return pageKeys;
    }

    /** How many lines from {@code i} together spell the title (a long title wraps); 0 when they do not. */
    private static int spanAt(String[] lineKeys, int i, String wanted) {
        String first = lineKeys[i];
        if (first.isEmpty()) {
            return 0;
        }
        // the printed line may carry numbering the bookmark leaves out, or the other way round
        if (first.equals(wanted) || first.endsWith(wanted) && first.length() - wanted.length() <= 6
                || wanted.endsWith(first) && wanted.length() - first.length() <= 6 && first.length() >= 3) {
            return 1;
        }
        if (wanted.startsWith(first) && first.length() >= 4) {
            StringBuilder joined = new StringBuilder(first);
            for (int j = i + 1; j < lineKeys.length && j < i + 4; j++) {
                joined.append(lineKeys[j]);
                String sofar = joined.toString();
                if (sofar.equals(wanted)) {
                    return j - i + 1;
                }
                if (!wanted.startsWith(sofar)) {
                    break;
                }
            }
        }
        return 0;
    }
}
