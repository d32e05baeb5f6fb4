package io.vectorless.ingest.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Nesting of printed contents entries, the way a reader infers it: parts above chapters and items, decimal
 * numbering by its depth, and entries without a number at the level numbered entries set at the same indentation;
 * where nothing is numbered, deeper indentation means a deeper level.
 */
final class TocLevels {
    private static final Pattern PART = Pattern.compile("(?i)^part\\s+\\S+.*");
    private static final Pattern ITEM = Pattern.compile("(?i)^item\\s+\\d+[a-z]?\\b.*");
    private static final Pattern CHAPTER = Pattern.compile("(?i)^(chapter|book|appendix|annex)\\s+\\S+.*");
    private static final float INDENT_STEP = 6f;

    private TocLevels() {
    }

    static int[] of(List<PrintedToc.Entry> entries) {
        boolean parts = entries.stream().anyMatch(e -> PART.matcher(e.title()).matches());
        int base = parts ? 1 : 0;
        int[] levels = new int[entries.size()];
        Map<Integer, Map<Integer, Integer>> levelsByIndent = new HashMap<>();
        TreeSet<Integer> indents = new TreeSet<>();
        for (int i = 0; i < entries.size(); i++) {
            PrintedToc.Entry entry = entries.get(i);
            int indent = Math.round(entry.x0() / INDENT_STEP);
            indents.add(indent);
            levels[i] = numberedLevel(entry.title(), base);
            if (levels[i] > 0) {
                levelsByIndent.computeIfAbsent(indent, k -> new HashMap<>()).merge(levels[i], 1, Integer::sum);
            }
        }
        List<Integer> rank = List.copyOf(indents);
        for (int i = 0; i < entries.size(); i++) {
            if (levels[i] > 0) {
                continue;
            }
            int indent = Math.round(entries.get(i).x0() / INDENT_STEP);
            Map<Integer, Integer> numbered = levelsByIndent.get(indent);
            levels[i] = numbered != null
                    ? numbered.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()
                    : base + rank.indexOf(indent) + 1;
        }
        return levels;
    }

    /** The level numbering or the form's convention gives, or 0 for an entry that carries none. */
    private static int numberedLevel(String title, int base) {
        if (PART.matcher(title).matches()) {
            return 1;
        }
        if (ITEM.matcher(title).matches() || CHAPTER.matcher(title).matches()) {
            return base + 1;
        }
        java.util.regex.Matcher decimal = Text.DECIMAL_NUMBERING.matcher(title);
        if (decimal.matches()) {
            return base + decimal.group(1).split("\\.").length;
        }
        return 0;
    }
}
