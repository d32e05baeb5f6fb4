package io.vectorless.ingest.parse;

import io.vectorless.ingest.parse.ocr.RecognizedLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Recognised boxes turned into the lines the layout rules read. */
final class OcrLines {
    /** Share of the type size that ink covers from baseline up: capitals, digits and ascenders; x-height. */
    private static final float TALL = 0.72f;
    private static final float SHORT = 0.5f;
    /** Share below the baseline, when the line has letters that descend. */
    private static final float DESCENT = 0.21f;
    /** Chinese, Japanese and Korean characters fill most of their square. */
    private static final float SQUARE = 0.88f;

    private OcrLines() {
    }

    /**
     * Boxes on one visual line are joined when they sit close together; a wide gap keeps them apart (marked
     * {@code joined}, as the text collector marks column gutters) so two-column scans can be taken apart.
     */
    static List<PdfLine> toPdfLines(int page, List<RecognizedLine> boxes, float xPointsPerPixel, float yPointsPerPixel,
                                    float minConfidence) {
        List<RecognizedLine> kept = boxes.stream().filter(b -> b.confidence() >= minConfidence).toList();
        List<List<RecognizedLine>> rows = new ArrayList<>();
        for (RecognizedLine box : kept) {
            List<RecognizedLine> row = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (row != null && sameRow(row.get(0), box)) {
                row.add(box);
            } else {
                rows.add(new ArrayList<>(List.of(box)));
            }
        }
        List<PdfLine> lines = new ArrayList<>();
        for (List<RecognizedLine> row : rows) {
            row.sort((a, b) -> Float.compare(a.x0(), b.x0()));
            int start = 0;
            for (int i = 1; i <= row.size(); i++) {
                float gap = i == row.size() ? 0 : row.get(i).x0() - row.get(i - 1).x1();
                if (i == row.size() || gap > 1.5f * Math.min(row.get(i).height(), row.get(i - 1).height())) {
                    List<RecognizedLine> part = row.subList(start, i);
                    String text = String.join(" ", part.stream().map(RecognizedLine::text).toList());
                    float partTop = (float) part.stream().mapToDouble(RecognizedLine::y0).min().orElse(0);
                    // each box is measured on its own: boxes of one row rarely share a baseline (two columns, a
                    // figure's labels beside the text), and their joint height would read as larger type
                    float size = Math.round(typeSize(part) * yPointsPerPixel * 2) / 2f;
                    lines.add(new PdfLine(page, Text.oneLine(text), partTop * yPointsPerPixel,
                            part.get(0).x0() * xPointsPerPixel, part.get(part.size() - 1).x1() * xPointsPerPixel,
                            Math.max(1, size), 0f, start > 0));
                    start = i;
                }
            }
        }
        return lines;
    }

    /** The type size of boxes read as one line: each box's own, weighted by its characters. */
    private static float typeSize(List<RecognizedLine> boxes) {
        double sum = 0;
        int chars = 0;
        for (RecognizedLine box : boxes) {
            int n = Math.max(1, box.text().length());
            // a line set vertically (a margin stamp, a table's turned header) was read turned: its ink height is
            // the box's width
            float width = box.x1() - box.x0();
            float ink = n > 1 && box.height() >= 1.5f * width ? width : box.height();
            sum += (double) typeSize(box.text(), ink) * n;
            chars += n;
        }
        return (float) (sum / chars);
    }

    /**
     * The type size of a line from the height of its ink. Ink alone misleads: "Fire Procedures" has no descenders
     * and "Loading Docks" has, so at one size their ink differs by a fifth, and a line in lower case without
     * ascenders is shorter still. The recognised characters say which parts of the type's height the ink spans.
     */
    static float typeSize(String text, float inkHeight) {
        boolean tall = false;
        boolean descends = false;
        boolean square = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c) || Character.isDigit(c) || "bdfhklt()[]{}/|!?'\"".indexOf(c) >= 0) {
                tall = true;
            }
            if ("gjpqy()[]{}|,;Q".indexOf(c) >= 0) {
                descends = true;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
                square = true;
            }
        }
        float share = square ? SQUARE : (tall ? TALL : SHORT) + (descends ? DESCENT : 0);
        return Math.max(1, inkHeight / share);
    }

    private static boolean sameRow(RecognizedLine a, RecognizedLine b) {
        float overlap = Math.min(a.y1(), b.y1()) - Math.max(a.y0(), b.y0());
        return overlap > 0.5f * Math.min(a.height(), b.height());
    }

    /**
     * Box heights of body lines scatter by a point or two (a line without descenders is shorter): sizes within 20%
     * of the body size become the body size, so the layout rules see one body size and real headings. The body size
     * is the median by characters, not by lines: on a short page headings are as many lines as body text, and a
     * median of lines lands on a heading size, which then swallows the headings near it.
     */
    static List<List<PdfLine>> evenSizes(List<List<PdfLine>> pages, List<PdfLine> recognised) {
        if (recognised.isEmpty()) {
            return pages;
        }
        float median = characterMedian(recognised);
        java.util.Set<PdfLine> ocr = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        ocr.addAll(recognised);
        List<List<PdfLine>> out = new ArrayList<>(pages.size());
        for (List<PdfLine> page : pages) {
            List<PdfLine> lines = new ArrayList<>(page.size());
            for (PdfLine line : page) {
                if (ocr.contains(line) && Math.abs(line.fontSize() - median) <= 0.2f * median) {
                    line = new PdfLine(line.page(), line.text(), line.top(), line.x0(), line.x1(), median,
                            line.boldShare(), line.joined());
                }
                lines.add(line);
            }
            out.add(lines);
        }
        return out;
    }

    private static float characterMedian(List<PdfLine> lines) {
        List<PdfLine> bySize = new ArrayList<>(lines);
        bySize.sort((a, b) -> Float.compare(a.fontSize(), b.fontSize()));
        long total = bySize.stream().mapToLong(line -> line.text().length()).sum();
        long seen = 0;
        for (PdfLine line : bySize) {
            seen += line.text().length();
            if (seen * 2 >= total) {
                return line.fontSize();
            }
        }
        return bySize.get(bySize.size() / 2).fontSize();
    }

    /**
     * The lines of a picture worth adding to its page: confident, with letters or digits, and not already in the
     * page's text (a scan under its own text layer says nothing new, and is skipped as a whole).
     */
    static List<String> pictureText(List<RecognizedLine> boxes, List<PdfLine> pageLines, float minConfidence) {
        String page = normalise(String.join(" ", pageLines.stream().map(PdfLine::text).toList()));
        List<String> kept = new ArrayList<>();
        int repeated = 0;
        int total = 0;
        for (RecognizedLine box : boxes) {
            String text = Text.oneLine(box.text());
            if (box.confidence() < minConfidence || text.codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            total++;
            String key = normalise(text);
            if (!key.isEmpty() && page.contains(key)) {
                repeated++;
            } else {
                kept.add(text);
            }
        }
        if (total == 0 || repeated * 2 > total) {
            return List.of();
        }
        return kept;
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
