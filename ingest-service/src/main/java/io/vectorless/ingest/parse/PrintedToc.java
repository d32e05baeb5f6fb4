package io.vectorless.ingest.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A printed table of contents near the front: entries ending in page numbers. Printed page numbers rarely equal
 * physical ones (front matter is numbered apart), so the offset is learned from where the entries' titles are
 * actually printed, and the most common offset wins.
 */
final class PrintedToc {
    private static final Pattern ENTRY = Pattern.compile("^(.*?\\p{L}.*?)(?:\\s*[.\u00b7\u2026_ ]{2,}\\s*|\\s+)(\\d{1,4})$");
    private static final Pattern CONTENTS = Pattern.compile("(?i)^(table of )?contents$|^inhalt(sverzeichnis)?$|^sommaire$|^table des mati[eè]res$|^[ií]ndice$");

    private static final double COVERAGE = 0.6;
    /** A long section number overflows its column in the listing and runs into the title: "4.10Questions". */
    private static final Pattern GLUED_NUMBER = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3})+\\.?)(?=\\p{Lu})");

    private record Entry(String title, int printedPage, float x0, int depth) {
    }

    private PrintedToc() {
    }

    /** Anchors for the printed entries, or an empty list when there is no usable contents page. */
    static List<Anchor> find(List<List<PdfLine>> pages) {
        int scan = Math.min(pages.size(), 20);
        for (int p = 0; p < scan; p++) {
            List<PdfLine> lines = pages.get(p);
            int start = contentsTitle(lines);
            if (start < 0) {
                continue;
            }
            List<Entry> entries = new ArrayList<>();
            int lastTocPage = p;
            for (int q = p; q < Math.min(pages.size(), p + 5); q++) {
                List<Entry> onPage = entries(pages.get(q), q == p ? start + 1 : 0);
                if (onPage.size() < 3 && q > p) {
                    break;
                }
                entries.addAll(onPage);
                lastTocPage = q;
            }
            if (entries.size() >= 3) {
                List<Anchor> anchors = place(entries, pages, lastTocPage + 1);
                if (anchors.size() * 2 >= entries.size() && coversDocument(anchors, pages.size(), lastTocPage + 1)) {
                    return anchors;
                }
            }
        }
        return List.of();
    }

    /**
     * A contents page whose entries stop early lists one part only: a collection of manuals where each opens with
     * its own contents, or a chapter's mini contents. Taken as the whole structure it would hide everything after.
     */
    private static boolean coversDocument(List<Anchor> anchors, int pageCount, int firstBodyPage) {
        int last = anchors.stream().mapToInt(Anchor::page).max().orElse(0);
        return last - firstBodyPage >= (pageCount - firstBodyPage) * COVERAGE;
    }

    private static int contentsTitle(List<PdfLine> lines) {
        for (int i = 0; i < Math.min(lines.size(), 5); i++) {
            if (CONTENTS.matcher(Text.oneLine(lines.get(i).text())).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static List<Entry> entries(List<PdfLine> lines, int from) {
        List<Entry> entries = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            Matcher matcher = ENTRY.matcher(lines.get(i).text().strip());
            if (matcher.matches()) {
                String title = GLUED_NUMBER.matcher(matcher.group(1).replaceAll("[.\u00b7\u2026_ ]+$", "").strip())
                        .replaceFirst("$1 ");
                entries.add(new Entry(title, Integer.parseInt(matcher.group(2)), lines.get(i).x0(),
                        Text.numberingDepth(title)));
            }
        }
        return entries;
    }

    private static List<Anchor> place(List<Entry> entries, List<List<PdfLine>> pages, int firstBodyPage) {
        Map<Integer, Integer> offsets = new HashMap<>();
        HeadingLocator locator = new HeadingLocator(pages);
        for (Entry entry : entries) {
            for (int p = firstBodyPage; p < pages.size(); p++) {
                if (locator.locate(p + 1, entry.title(), 0, Float.NaN) != null) {
                    offsets.merge(p + 1 - entry.printedPage(), 1, Integer::sum);
                    break;
                }
            }
        }
        if (offsets.isEmpty()) {
            return List.of();
        }
        int offset = offsets.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        TreeSet<Float> indents = new TreeSet<>();
        entries.forEach(entry -> indents.add((float) Math.round(entry.x0() / 4) * 4));
        List<Float> indentRank = new ArrayList<>(indents);
        List<Anchor> anchors = new ArrayList<>();
        int[] nextLine = new int[pages.size() + 1];
        for (Entry entry : entries) {
            int page = entry.printedPage() + offset;
            if (page < 1 || page > pages.size()) {
                continue;
            }
            int level = entry.depth() > 0 ? entry.depth()
                    : indentRank.indexOf((float) Math.round(entry.x0() / 4) * 4) + 1;
            int[] found = locator.locate(page, entry.title(), nextLine[page], Float.NaN);
            int line = found == null ? nextLine[page] : found[0];
            int skip = found == null ? 0 : found[1];
            anchors.add(new Anchor(Math.min(level, 9), entry.title(), page, line, skip));
            nextLine[page] = line + skip;
        }
        anchors.sort(Comparator.comparingInt(Anchor::page).thenComparingInt(Anchor::line));
        return anchors;
    }
}
