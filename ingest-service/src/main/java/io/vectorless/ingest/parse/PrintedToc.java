package io.vectorless.ingest.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A printed table of contents near the front, read the way a person reads one: one or more pages titled
 * "Contents", "Table of Contents", "Index" (as 10-K filings title theirs) or made mostly of entries ending in page
 * numbers; entries with or without dotted leaders, titles that wrap onto a second line, page numbers set apart on
 * their own line (a table's column), roman-numbered front matter, group lines without a page ("PART II"). Nesting
 * comes from numbering, the form's own conventions (Part above Item) and indentation. Printed page numbers rarely
 * equal physical ones, and the difference changes across a book (front matter, inserted plates), so each entry is
 * located on its page: the title is looked for around where the usual offset puts it, and found where printed.
 */
final class PrintedToc {
    private static final Pattern CONTENTS = Pattern.compile("(?i)^(?:table of )?contents(?: at a glance)?$|^index$"
            + "|^inhalt(?:sverzeichnis)?$|^sommaire$|^table des mati[eè]res$|^[ií]ndice$|^contenido$");
    /** A title, then dotted leaders or spaces, then an arabic or roman page number. */
    private static final Pattern ENTRY = Pattern.compile(
            "^(.*?\\p{L}.*?)(?:\\s*[.\u00b7\u2026_ ]{2,}\\s*|\\s+)(\\d{1,4}|[ivxlcdm]{1,7}|[A-Z]-\\d{1,3})$");
    /** Front matter is numbered in lower-case roman; capitals after "Part" or "Chapter" are their numbers. */
    private static final Pattern PAGE_NUMBER = Pattern.compile("^(\\d{1,4}|[ivxlcdm]{1,7}|[A-Z]-\\d{1,3})$");
    /** Two columns of entries extracted as one line: an entry's page number, then the next column's entry. */
    private static final Pattern TWO_ENTRIES = Pattern.compile(
            "^(.*?\\p{L}.*?(?:\\s*[.\u00b7\u2026_]\\s*){3,}(?:\\d{1,4}|[ivxlcdm]{1,7}))\\s+(\\p{L}.*)$");
    private static final Pattern LABEL_END = Pattern.compile(
            "(?i).*\\b(part|chapter|appendix|section|book|volume|item|article|annex|table|figure|note)$");
    private static final Pattern PART = Pattern.compile("(?i)^part\\s+([ivx]+|\\d+|one|two|three|four)\\b.*");
    private static final Pattern ITEM = Pattern.compile("(?i)^item\\s+\\d+[a-z]?\\b.*");
    private static final Pattern CHAPTER = Pattern.compile("(?i)^(chapter|book|appendix|annex)\\s+\\S+.*");
    /** A long section number overflows its column in the listing and runs into the title: "4.10Questions". */
    private static final Pattern GLUED_NUMBER = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3})+\\.?)(?=\\p{Lu})");
    /** Dotted leaders: "Appendix . . . . 53" is an entry, where "Appendix 3" would be a label and its number. */
    private static final Pattern LEADERS = Pattern.compile("(?:[.\u00b7\u2026_]\\s?){3,}\\s*\\S+$");
    private static final double COVERAGE = 0.6;
    private static final Pattern FORM_END = Pattern.compile("(?i)^(?:signatures?|item\\s+16\\b.*)$");
    private static final int SCAN_PAGES = 25;
    private static final int SEARCH_WINDOW = 4;

    /** An entry as printed: {@code printedPage} is null for a group line without a page number. */
    record Entry(String title, String printedPage, float x0, boolean bold, float size) {
        boolean roman() {
            return printedPage != null && !Character.isDigit(printedPage.charAt(0)) && !lettered();
        }

        /** Numbered within an appendix or annex ("A-1", "C-12"): no offset maps it, it is looked for by title. */
        boolean lettered() {
            return printedPage != null && printedPage.length() > 2 && printedPage.charAt(1) == '-';
        }
    }

    /** The entries read and the anchors they were placed at (empty when the contents cannot be trusted). */
    record Result(List<Entry> entries, List<Anchor> anchors, int lastContentsPage) {
        static final Result NONE = new Result(List.of(), List.of(), -1);
    }

    private PrintedToc() {
    }

    /** Anchors for the printed entries, or an empty list when there is no usable contents page. */
    static List<Anchor> find(List<List<PdfLine>> pages) {
        return read(pages).anchors();
    }

    static Result read(List<List<PdfLine>> pages) {
        Result best = Result.NONE;
        int scan = Math.min(pages.size(), SCAN_PAGES);
        for (int p = 0; p < scan; p++) {
            List<PdfLine> lines = rows(pages.get(p));
            int start = contentsTitle(lines);
            if (start < 0 && !isListing(lines)) {
                continue;
            }
            List<Entry> entries = new ArrayList<>(entries(lines, start + 1));
            int lastTocPage = p;
            for (int q = p + 1; q < Math.min(pages.size(), p + 12); q++) {
                List<PdfLine> next = rows(pages.get(q));
                int title = contentsTitle(next);
                List<Entry> onPage = entries(next, title + 1);
                if (numbered(onPage) < 3 || !isListing(next) && title < 0
                        || title >= 0 && restarts(entries, onPage)) {
                    break;
                }
                entries.addAll(onPage);
                lastTocPage = q;
            }
            if (numbered(entries) >= 3) {
                List<Anchor> anchors = place(entries, pages, p, lastTocPage + 1);
                if (anchors.size() * 2 >= entries.size() && coversDocument(anchors, pages.size(), lastTocPage + 1)) {
                    // a manual may open with a short contents (chapters) before the full one: the fuller wins
                    if (anchors.size() > best.anchors().size()) {
                        best = new Result(entries, anchors, lastTocPage + 1);
                    }
                    p = lastTocPage;
                    continue;
                }
            }
            // a failed reading does not skip the pages it took in: a cover page full of numbered lines may have been
            // read as the start of the contents that really begin on the next page
        }
        return best;
    }

    /** A titled page whose entries start over at an earlier page is another list (the full one after a short one). */
    private static boolean restarts(List<Entry> before, List<Entry> onPage) {
        Integer last = null;
        for (Entry entry : before) {
            if (entry.printedPage() != null && !entry.lettered() && !entry.roman()) {
                last = printedNumber(entry);
            }
        }
        for (Entry entry : onPage) {
            if (entry.printedPage() != null && !entry.lettered() && !entry.roman()) {
                return last != null && printedNumber(entry) < last;
            }
        }
        return false;
    }

    private static int numbered(List<Entry> entries) {
        return (int) entries.stream().filter(e -> e.printedPage() != null).count();
    }

    /**
     * A contents page whose entries stop early lists one part only: a collection of manuals where each opens with
     * its own contents, or a chapter's mini contents. Taken as the whole structure it would hide everything after.
     */
    private static boolean coversDocument(List<Anchor> anchors, int pageCount, int firstBodyPage) {
        if (anchors.stream().anyMatch(a -> FORM_END.matcher(a.title()).matches())) {
            // an SEC form's index ends at its signatures: the exhibits filed after them are never listed
            return true;
        }
        int last = anchors.stream().mapToInt(Anchor::page).max().orElse(0);
        return last - firstBodyPage >= (pageCount - firstBodyPage) * COVERAGE;
    }

    private static int contentsTitle(List<PdfLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String text = Text.oneLine(lines.get(i).text());
            if (CONTENTS.matcher(text).matches() && (i < 8 || !text.equalsIgnoreCase("index") && entriesFollow(lines, i))) {
                return i;
            }
        }
        return -1;
    }

    /** Lower on a page (under a foreword, say) a "Contents" line opens the contents only if entries follow it. */
    private static boolean entriesFollow(List<PdfLine> lines, int title) {
        int entries = 0;
        for (int i = title + 1; i < Math.min(lines.size(), title + 7); i++) {
            if (ENTRY.matcher(Text.oneLine(lines.get(i).text())).matches()) {
                entries++;
            }
        }
        return entries >= 3;
    }

    /** Most lines end in a page number: a contents page without a title, or one continued. */
    private static boolean isListing(List<PdfLine> lines) {
        int entries = 0;
        for (PdfLine line : lines) {
            if (ENTRY.matcher(line.text().strip()).matches()) {
                entries++;
            }
        }
        return entries >= 5 && entries * 2 >= lines.size();
    }

    /**
     * Lines of one visual row glued: a page number set in its own column is often extracted as a line of its own, a
     * little above or below its title's baseline, and a column of them may even be read after all the titles.
     */
    static List<PdfLine> rows(List<PdfLine> page) {
        List<PdfLine> lines = columns(page);
        PdfLine[] glued = lines.toArray(new PdfLine[0]);
        boolean[] gone = new boolean[glued.length];
        boolean[] numbered = new boolean[glued.length];
        for (int i = 0; i < glued.length; i++) {
            PdfLine number = lines.get(i);
            if (!PAGE_NUMBER.matcher(number.text().strip()).matches()) {
                continue;
            }
            int best = -1;
            float bestDistance = Float.MAX_VALUE;
            for (int j = 0; j < glued.length; j++) {
                PdfLine title = lines.get(j);
                float distance = Math.abs(title.top() - number.top());
                if (j == i || gone[j] || numbered[j] || title.x1() >= number.x0()
                        || distance >= 0.6f * Math.max(title.fontSize(), 6) || distance >= bestDistance
                        || PAGE_NUMBER.matcher(title.text().strip()).matches()) {
                    continue;
                }
                best = j;
                bestDistance = distance;
            }
            if (best >= 0) {
                glued[best] = glued[best].glue(number);
                numbered[best] = true;
                gone[i] = true;
            }
        }
        List<PdfLine> out = new ArrayList<>(glued.length);
        for (int i = 0; i < glued.length; i++) {
            if (!gone[i]) {
                out.add(glued[i]);
            }
        }
        return out;
    }

    /**
     * A contents page set in two columns whose rows were extracted straight across: an entry's page number runs into
     * the next column's entry ("History . . . 7 Appendix . . . 53"). Each column is read on its own, left first.
     */
    static List<PdfLine> columns(List<PdfLine> lines) {
        if (lines.size() < 6) {
            return lines;
        }
        float left = Float.MAX_VALUE;
        float right = 0;
        for (PdfLine line : lines) {
            left = Math.min(left, line.x0());
            right = Math.max(right, line.x1());
        }
        float middle = (left + right) / 2;
        List<PdfLine> leftColumn = new ArrayList<>();
        List<PdfLine> rightColumn = new ArrayList<>();
        List<Integer> split = new ArrayList<>();
        java.util.Map<Float, Integer> rightStarts = new java.util.HashMap<>();
        for (PdfLine line : lines) {
            Matcher two = TWO_ENTRIES.matcher(Text.oneLine(line.text()));
            if (line.x0() < middle && line.x1() > middle && two.matches()) {
                leftColumn.add(new PdfLine(line.page(), two.group(1), line.top(), line.x0(), middle - 1,
                        line.fontSize(), line.boldShare(), false));
                split.add(rightColumn.size());
                rightColumn.add(new PdfLine(line.page(), two.group(2), line.top(), middle, line.x1(),
                        line.fontSize(), line.boldShare(), false));
            } else if (line.x0() >= middle - 1) {
                rightColumn.add(line);
                rightStarts.merge(line.x0(), 1, Integer::sum);
            } else {
                leftColumn.add(line);
            }
        }
        if (split.size() < 2 || rightColumn.size() - split.size() < 2) {
            return lines;
        }
        // the part split off starts where the column's other entries do
        float start = rightStarts.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey).orElse(middle);
        for (int i : split) {
            PdfLine part = rightColumn.get(i);
            rightColumn.set(i, new PdfLine(part.page(), part.text(), part.top(), start, part.x1(), part.fontSize(),
                    part.boldShare(), false));
        }
        Comparator<PdfLine> down = Comparator.comparingDouble(PdfLine::top);
        leftColumn.sort(down);
        rightColumn.sort(down);
        List<PdfLine> read = new ArrayList<>(leftColumn);
        read.addAll(rightColumn);
        return read;
    }

    private static List<Entry> entries(List<PdfLine> lines, int from) {
        List<Entry> entries = new ArrayList<>();
        String pending = null;
        PdfLine pendingLine = null;
        PdfLine pendingLast = null;
        for (int i = Math.max(0, from); i < lines.size(); i++) {
            PdfLine line = lines.get(i);
            String text = Text.oneLine(line.text());
            if (text.isEmpty() || text.equalsIgnoreCase("page") || PAGE_NUMBER.matcher(text).matches()) {
                continue;
            }
            Matcher matcher = ENTRY.matcher(text);
            if (matcher.matches() && (!LABEL_END.matcher(matcher.group(1).strip()).matches() || LEADERS.matcher(text).find())) {
                String title = clean(matcher.group(1));
                if (pending != null && continues(pendingLine, pendingLast, line, title)) {
                    title = pending + " " + title;
                    line = pendingLine;
                } else if (pending != null) {
                    entries.add(group(pending, pendingLine));
                }
                pending = null;
                if (Text.key(title).length() >= 2) {
                    entries.add(new Entry(title, matcher.group(2), line.x0(), line.bold(), line.fontSize()));
                }
            } else {
                if (pending != null) {
                    if (Text.words(pending) + Text.words(text) <= 30 && !startsEntry(text)) {
                        pending = pending + " " + text;
                        pendingLast = line;
                        continue;
                    }
                    entries.add(group(pending, pendingLine));
                }
                pending = text;
                pendingLine = line;
                pendingLast = line;
            }
        }
        if (pending != null && Text.words(pending) <= 8) {
            entries.add(group(pending, pendingLine));
        }
        entries.removeIf(entry -> entry.printedPage() == null && !looksLikeGroup(entry.title()));
        return entries;
    }

    /** The next line finishes a title that wrapped: indented under it (or level with it), not a new numbered entry. */
    private static boolean continues(PdfLine first, PdfLine last, PdfLine next, String nextTitle) {
        return next.x0() >= first.x0() - 1 && !startsEntry(nextTitle) && !looksLikeGroup(Text.oneLine(first.text()))
                && next.top() - last.top() < 2.5f * Math.max(first.fontSize(), 6);
    }

    private static boolean startsEntry(String text) {
        return ITEM.matcher(text).matches() || PART.matcher(text).matches() || CHAPTER.matcher(text).matches()
                || Text.numberingDepth(text) > 0;
    }

    /** A line without a page that heads entries below it: "PART II", "Chapter 3", a short all-capital line. */
    private static boolean looksLikeGroup(String text) {
        return PART.matcher(text).matches() || CHAPTER.matcher(text).matches()
                || Text.isAllCaps(text) && Text.words(text) <= 8;
    }

    private static Entry group(String title, PdfLine line) {
        return new Entry(clean(title), null, line.x0(), line.bold(), line.fontSize());
    }

    private static String clean(String title) {
        String stripped = title.replaceAll("[.\u00b7\u2026_ ]+$", "").strip();
        return GLUED_NUMBER.matcher(stripped).replaceFirst("$1 ");
    }

    /**
     * Places each entry where its title is printed. The usual printed-to-physical offset (separately for roman
     * front matter) tells where to look first; the title found within a few pages of there wins, nearest first.
     */
    private static List<Anchor> place(List<Entry> entries, List<List<PdfLine>> pages, int firstTocPage,
                                      int firstBodyPage) {
        HeadingLocator locator = new HeadingLocator(pages);
        Integer arabic = offset(entries, pages, locator, firstBodyPage, firstTocPage, firstBodyPage, false);
        // front matter may come before the contents as well as after it
        Integer roman = offset(entries, pages, locator, 0, firstTocPage, firstBodyPage, true);
        if (arabic == null && roman == null) {
            return List.of();
        }
        int[] levels = TocLevels.of(entries);
        List<Anchor> anchors = new ArrayList<>();
        int[] nextLine = new int[pages.size() + 1];
        int lastPage = 1;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            int[] found = null;
            int page;
            if (lettered(entries, i)) {
                // an appendix's own page numbering: the title is looked for after the entries placed so far
                page = -1;
                for (int candidate = Math.max(lastPage, firstBodyPage + 1); candidate <= pages.size() && found == null;
                     candidate++) {
                    found = locator.locate(candidate, entry.title(), candidate == lastPage ? nextLine[candidate] : 0,
                            Float.NaN);
                    page = candidate;
                }
                if (found == null) {
                    continue;
                }
                anchors.add(new Anchor(Math.min(levels[i], 9), entry.title(), page, found[0], found[1]));
                nextLine[page] = found[0] + found[1];
                lastPage = page;
                continue;
            }
            Integer expected = expectedPage(entries, i, arabic, roman);
            if (expected == null || expected > pages.size() * 2 + SEARCH_WINDOW) {
                // a number no page of this document can carry (a year in a running header read as an entry)
                continue;
            }
            page = Math.max(lastPage, Math.min(pages.size(), expected));
            for (int distance = 0; distance <= SEARCH_WINDOW && found == null; distance++) {
                for (int candidate : new int[]{expected + distance, expected - distance}) {
                    boolean contentsPage = candidate > firstTocPage && candidate <= firstBodyPage;
                    if (candidate >= lastPage && candidate <= pages.size() && found == null && !contentsPage) {
                        int from = candidate == lastPage ? nextLine[candidate] : 0;
                        found = locator.locate(candidate, entry.title(), from, Float.NaN);
                        if (found != null) {
                            page = candidate;
                        }
                    }
                }
            }
            if (page < 1 || page > pages.size()) {
                continue;
            }
            int line = found == null ? nextLine[page] : found[0];
            int skip = found == null ? 0 : found[1];
            anchors.add(new Anchor(Math.min(levels[i], 9), entry.title(), page, line, skip));
            nextLine[page] = line + skip;
            if (found != null) {
                // only a title found where it is printed fixes the order; an entry merely placed by its number
                // (misread, perhaps) must not hold back the entries after it
                lastPage = page;
            }
        }
        anchors.sort(Comparator.comparingInt(Anchor::page).thenComparingInt(Anchor::line));
        return anchors;
    }

    /** The entry (or, for a group line, the first entry after it with a page) is numbered within an appendix. */
    private static boolean lettered(List<Entry> entries, int index) {
        for (int i = index; i < entries.size(); i++) {
            if (entries.get(i).printedPage() != null) {
                return entries.get(i).lettered();
            }
        }
        return false;
    }

    /** A group line takes the page of the first entry after it that has one. */
    private static Integer expectedPage(List<Entry> entries, int index, Integer arabic, Integer roman) {
        for (int i = index; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.printedPage() == null) {
                continue;
            }
            Integer offset = entry.roman() ? roman : arabic;
            if (offset == null) {
                return null;
            }
            return printedNumber(entry) + offset;
        }
        return null;
    }

    /** The most common physical-minus-printed difference among entries whose title is found printed. */
    private static Integer offset(List<Entry> entries, List<List<PdfLine>> pages, HeadingLocator locator,
                                  int from, int firstTocPage, int firstBodyPage, boolean romanEntries) {
        java.util.Map<Integer, Integer> votes = new java.util.HashMap<>();
        int tried = 0;
        for (Entry entry : entries) {
            if (entry.printedPage() == null || entry.lettered() || entry.roman() != romanEntries || tried >= 60) {
                continue;
            }
            tried++;
            int printed = printedNumber(entry);
            for (int p = from; p < pages.size(); p++) {
                if (p >= firstTocPage && p < firstBodyPage) {
                    continue;
                }
                if (locator.locate(p + 1, entry.title(), 0, Float.NaN) != null) {
                    votes.merge(p + 1 - printed, 1, Integer::sum);
                    break;
                }
            }
        }
        return votes.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey).orElse(null);
    }

    static int printedNumber(Entry entry) {
        return entry.roman() ? Roman.value(entry.printedPage()) : Integer.parseInt(entry.printedPage());
    }
}
