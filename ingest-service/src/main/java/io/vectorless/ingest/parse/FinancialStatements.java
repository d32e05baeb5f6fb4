package io.vectorless.ingest.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The financial statements part of an SEC filing as the form sets it out: under the Item that holds them (Item 8, or
 * Item 15 where they are filed as an exhibit), the "Index to Consolidated Financial Statements", the "Notes to
 * Consolidated Financial Statements" and each note ("Note 4 — Leases") in its numbered sequence. Filings print these
 * in body-size capitals or bold that no contents list names, so a reader of the tree would otherwise find a
 * forty-page Item 8 with nothing inside it.
 */
final class FinancialStatements {
    private static final Pattern INDEX = Pattern.compile(
            "(?i)^index\\s+to\\s+(?:the\\s+)?(?:consolidated\\s+)?financial\\s+statements\\b.*");
    private static final Pattern NOTES = Pattern.compile(
            "(?i)^notes\\s+to\\s+(?:the\\s+)?(?:consolidated\\s+)?financial\\s+statements$");
    /** "Note 4 — Leases", "NOTE 12 - INCOME TAXES", "Note 5. Variable Interest Entities": a separator is required. */
    private static final Pattern NOTE = Pattern.compile(
            "^(?:Note|NOTE)\\s+(\\d{1,2})\\s*[\u2014\u2013:.\\-]\\s*(\\p{Lu}.*)$");
    /** The statements themselves and the auditor's report, each taken once (continued pages repeat the title). */
    private static final Pattern STATEMENT = Pattern.compile("(?i)^(?:consolidated\\s+)?(?:statements?\\s+of\\s+\\p{L}.*"
            + "|balance\\s+sheets?|(?:comprehensive\\s+)?income\\s+statements?|cash\\s+flows?\\s+statements?"
            + "|stockholders.?\\s+equity\\s+statements?"
            + "|report\\s+of\\s+independent\\s+registered\\s+public\\s+accounting\\s+firm)$");
    /** A trailing "Page" column label of an index heading set as a table header. */
    private static final Pattern PAGE_LABEL = Pattern.compile("\\s+(?:Page|PAGE)$");
    private static final int MAX_TITLE = 160;

    private FinancialStatements() {
    }

    /**
     * The anchors with, inside each SEC Item's range, the index, the notes heading and the notes it does not list
     * yet. Documents without Items come back as they are.
     */
    static List<Anchor> within(List<Anchor> anchors, List<List<PdfLine>> pages) {
        List<Anchor> added = new ArrayList<>();
        for (int i = 0; i < anchors.size(); i++) {
            Anchor item = anchors.get(i);
            if (!LayoutHeadings.SEC_ITEM.matcher(item.title().strip()).matches()) {
                continue;
            }
            Anchor end = null;
            Set<String> listed = new HashSet<>();
            for (int j = i + 1; j < anchors.size(); j++) {
                if (anchors.get(j).level() <= item.level()) {
                    end = anchors.get(j);
                    break;
                }
                listed.add(Text.key(anchors.get(j).title()));
            }
            added.addAll(inside(item, end, pages, listed));
        }
        if (added.isEmpty()) {
            return anchors;
        }
        List<Anchor> merged = new ArrayList<>(anchors);
        merged.addAll(added);
        merged.sort(Comparator.comparingInt(Anchor::page).thenComparingInt(Anchor::line));
        return merged;
    }

    private static List<Anchor> inside(Anchor item, Anchor end, List<List<PdfLine>> pages, Set<String> listed) {
        List<Anchor> found = new ArrayList<>();
        int lastPage = end == null ? pages.size() : end.page();
        int lastNote = 0;
        boolean index = false;
        Set<String> seen = new HashSet<>();
        int noteLevel = item.level() + 1;
        for (int page = item.page(); page <= lastPage; page++) {
            List<PdfLine> lines = pages.get(page - 1);
            int from = page == item.page() ? item.line() + Math.max(1, item.skip()) : 0;
            int to = end != null && page == end.page() ? Math.min(end.line(), lines.size()) : lines.size();
            for (int l = from; l < to; l++) {
                PdfLine line = lines.get(l);
                String text = line.text().strip();
                if (text.length() > MAX_TITLE || Text.endsLikeSentence(text)) {
                    continue;
                }
                String title = null;
                int level = item.level() + 1;
                if (!index && INDEX.matcher(text).matches() && (line.bold() || Text.isAllCaps(text))) {
                    index = true;
                    title = PAGE_LABEL.matcher(text).replaceFirst("");
                } else if (lastNote == 0 && NOTES.matcher(text).matches() && (line.bold() || Text.isAllCaps(text))) {
                    title = text;
                    noteLevel = item.level() + 2;
                } else if (lastNote == 0 && STATEMENT.matcher(text).matches() && text.length() <= 90
                        && (line.bold() || Text.isAllCaps(text)) && !seen.contains(Text.key(text))) {
                    seen.add(Text.key(text));
                    title = text;
                } else {
                    Matcher note = NOTE.matcher(text);
                    if (note.matches() && Integer.parseInt(note.group(1)) == lastNote + 1
                            && (line.bold() || Text.isAllCaps(note.group(2)))) {
                        lastNote++;
                        title = text;
                        level = noteLevel;
                    }
                }
                if (title != null && !listed.contains(Text.key(title))) {
                    found.add(new Anchor(Math.min(9, level), title, page, l, 1));
                }
            }
        }
        return found;
    }
}
