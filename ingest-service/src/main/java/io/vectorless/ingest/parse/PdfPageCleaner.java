package io.vectorless.ingest.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Page furniture and reading order: drops running headers and footers (the same line, page numbers aside, at the
 * top or bottom of most pages) and reads two-column pages column by column instead of straight across.
 */
final class PdfPageCleaner {
    private static final int EDGE_LINES = 2;
    /** Running headers and footers live in the outer tenth of the page; body text does not. */
    private static final float EDGE_SHARE = 0.09f;

    private PdfPageCleaner() {
    }

    static List<List<PdfLine>> clean(List<List<PdfLine>> pages, List<float[]> pageSizes) {
        Set<String> running = runningLines(pages, pageSizes);
        List<List<PdfLine>> cleaned = new ArrayList<>(pages.size());
        for (int p = 0; p < pages.size(); p++) {
            List<PdfLine> lines = pages.get(p);
            List<PdfLine> kept = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                PdfLine line = lines.get(i);
                if (atEdge(lines, i, size(pageSizes, p)[1])
                        && (running.contains(furnitureKey(line.text())) || isPageNumber(line.text()))) {
                    continue;
                }
                kept.add(line);
            }
            cleaned.add(readingOrder(kept, size(pageSizes, p)[0]));
        }
        return cleaned;
    }

    /** Lines seen at a page edge on at least half the pages (and on three or more). */
    private static float[] size(List<float[]> pageSizes, int page) {
        return page < pageSizes.size() ? pageSizes.get(page) : new float[]{612f, 792f};
    }

    private static boolean atEdge(List<PdfLine> lines, int i, float height) {
        float top = lines.get(i).top();
        return (i < EDGE_LINES || i >= lines.size() - EDGE_LINES)
                && (top < height * EDGE_SHARE || top > height * (1 - EDGE_SHARE));
    }

    private static Set<String> runningLines(List<List<PdfLine>> pages, List<float[]> pageSizes) {
        if (pages.size() < 3) {
            return Set.of();
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            List<PdfLine> lines = pages.get(p);
            Set<String> onPage = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                if (atEdge(lines, i, size(pageSizes, p)[1])) {
                    onPage.add(furnitureKey(lines.get(i).text()));
                }
            }
            onPage.forEach(key -> seen.merge(key, 1, Integer::sum));
        }
        int needed = Math.max(3, (pages.size() + 1) / 2);
        Set<String> running = new HashSet<>();
        seen.forEach((key, count) -> {
            if (count >= needed && !key.isBlank()) {
                running.add(key);
            }
        });
        return running;
    }

    static String furnitureKey(String text) {
        return Text.oneLine(text).toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\b[ivxlc]+\\b", "#");
    }

    private static boolean columns(List<PdfLine> lines, float gutter) {
        int left = 0;
        int right = 0;
        int across = 0;
        for (PdfLine line : lines) {
            if (line.x1() <= gutter + 2) {
                left++;
            } else if (line.x0() >= gutter - 2) {
                right++;
            } else {
                across++;
            }
        }
        return left >= 4 && right >= 4 && across * 3 < left + right;
    }

    /** The x most right-hand parts of split lines start at, near the middle of the page; 0 without four such. */
    private static float rightColumnStart(List<PdfLine> lines, float width) {
        Map<Integer, Integer> starts = new HashMap<>();
        for (PdfLine line : lines) {
            if (line.joined() && line.x0() > width * 0.35f && line.x0() < width * 0.65f) {
                starts.merge(Math.round(line.x0()), 1, Integer::sum);
            }
        }
        return starts.entrySet().stream().filter(e -> e.getValue() >= 4).max(Map.Entry.comparingByValue())
                .map(e -> (float) e.getKey()).orElse(0f);
    }

    private static boolean isPageNumber(String text) {
        String key = furnitureKey(text);
        return key.matches("[-\u2013 ]*(page )?#( (of|/) #)?[-\u2013 ]*");
    }

    /**
     * A page has two columns when many of its line parts sit wholly left or wholly right of a common gutter near
     * the middle. Then the left column is read before the right one, between full-width lines (titles, figures).
     */
    private static List<PdfLine> readingOrder(List<PdfLine> lines, float width) {
        float gutter = width / 2;
        boolean columns = columns(lines, gutter);
        if (!columns) {
            // columns need not meet at the middle: where lines were split at a gap, the right column starts where
            // most of their right-hand parts start (a contents page whose left column runs past the middle)
            float start = rightColumnStart(lines, width);
            if (start > 0 && columns(lines, start)) {
                gutter = start;
                columns = true;
            }
        }
        List<PdfLine> ordered = new ArrayList<>(lines.size());
        if (!columns) {
            for (PdfLine line : lines) {
                if (line.joined() && !ordered.isEmpty()) {
                    ordered.set(ordered.size() - 1, ordered.get(ordered.size() - 1).glue(line));
                } else {
                    ordered.add(line);
                }
            }
            return ordered;
        }
        List<PdfLine> leftColumn = new ArrayList<>();
        List<PdfLine> rightColumn = new ArrayList<>();
        for (PdfLine line : lines) {
            if (line.x1() <= gutter + 2) {
                leftColumn.add(line);
            } else if (line.x0() >= gutter - 2) {
                rightColumn.add(line);
            } else {
                ordered.addAll(leftColumn);
                ordered.addAll(rightColumn);
                leftColumn.clear();
                rightColumn.clear();
                ordered.add(line);
            }
        }
        ordered.addAll(leftColumn);
        ordered.addAll(rightColumn);
        return ordered;
    }
}
