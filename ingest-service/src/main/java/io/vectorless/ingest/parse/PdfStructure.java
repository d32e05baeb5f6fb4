package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.StructureSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A PDF's headings from all its sources combined rather than one picked: the bookmarks are trusted for what they
 * list; where they list only the top of the structure (a chapter per bookmark in a book whose printed contents
 * name every section), each bookmark's range is deepened with the finer entries the printed contents or the layout
 * find inside it. Without bookmarks the printed contents lead, deepened the same way by the layout; without either
 * the layout alone. Every source found is reported, with how far the sources agree.
 */
final class PdfStructure {
    /** A finer source must list this many times the entries of the coarser one to be worth deepening with. */
    private static final double FINER = 1.5;
    /** Sections this long on average (in pages) are a sign the coarser source lists only the top levels. */
    private static final double LONG_SECTIONS = 5;
    /** Share of the coarser source's headings the finer one must also find to be trusted as the same structure. */
    private static final double SAME_STRUCTURE = 0.5;

    /**
     * A printed contents list is deepened with layout headings only when its sections are this long on average: a
     * contents page that already names sections of a few pages is the structure a reader was given.
     */
    private static final double LONG_CONTENTS_SECTIONS = 12;
    /**
     * Share of bookmarks that read as sentences (paragraphs bookmarked one by one) or as file names (one per page,
     * "Report_Part01", left by the tool that joined the pages) above which they are no outline.
     */
    private static final double SENTENCE_BOOKMARKS = 0.5;
    private static final java.util.regex.Pattern FILE_NAME =
            java.util.regex.Pattern.compile("^(?=\\S*(?:_|\\d{2,}(?:\\.\\w{2,4})?$))\\S*\\p{L}\\S*$");

    /** From this share of its entries found printed on their pages, a contents list is read as surely as bookmarks. */
    private static final double PLACED = 0.8;

    /** Below this share of its entries found on their pages, a printed contents list is not trusted. */
    private static final double UNPLACED = 0.3;

    /**
     * Printed contents entries (this many, and this share of the list) the bookmarks must lack before a contents
     * list found in place is followed instead of them.
     */
    private static final int MIN_MISSING = 3;
    private static final double MISSING_SHARE = 0.1;
    /**
     * Bookmarks up to this many times the printed entries are no fuller list than the contents: more, and they are
     * the finer structure whatever titles they word differently ("Strategic Goal 5" for the printed sentence).
     */
    private static final double NOT_FULLER = 1.25;

    /** Sections that must have numbered sub-sections printed inside them before flat bookmarks are deepened. */
    private static final int MIN_NUMBERED_PARENTS = 2;

    record Result(List<Anchor> anchors, StructureSource source, String layoutTitle) {
    }

    private PdfStructure() {
    }

    static Result of(List<List<PdfLine>> pages, List<PdfOutline.Entry> outline, ParseContext context) {
        Result combined = combine(pages, outline, context);
        // an SEC filing's financial statements and notes are nodes whatever source gave its Items
        List<Anchor> anchors = FinancialStatements.within(combined.anchors(), pages);
        if (anchors.size() > combined.anchors().size()) {
            context.structureNote((anchors.size() - combined.anchors().size())
                    + " headings of the financial statements and their notes found under the filing's Items");
        }
        return new Result(anchors, combined.source(), combined.layoutTitle());
    }

    private static Result combine(List<List<PdfLine>> pages, List<PdfOutline.Entry> outline, ParseContext context) {
        int pageCount = pages.size();
        boolean sentences = notSections(outline);
        boolean outlineUsable = !sentences && (outline.size() >= 2 || outline.size() == 1 && pageCount <= 5);
        List<Anchor> bookmarks = outline.isEmpty() ? List.of() : PdfOutline.anchors(outline, pages);
        PrintedToc.Result toc = PrintedToc.read(pages);
        LayoutHeadings.Result layout = LayoutHeadings.detect(pages);
        context.structureSource("outline", bookmarks.size());
        context.structureSource("contents", toc.anchors().size());
        context.structureSource("layout", layout.anchors().size());
        context.structureSource("conventions", layout.conventions());
        if (sentences) {
            context.warn("the PDF's bookmarks mark paragraphs or file names rather than sections, so headings were"
                    + " taken from the printed contents and the page layout");
        } else if (outline.size() == 1 && !outlineUsable) {
            // one bookmark for a long document is usually just its title: the other sources say more
            context.warn("the PDF's outline has a single entry, so headings were taken from the printed contents"
                    + " and the page layout");
        }
        if (outlineUsable) {
            List<Anchor> anchors = bookmarks;
            List<Anchor> finer = toc.anchors().isEmpty() ? layout.anchors() : toc.anchors();
            String finerName = toc.anchors().isEmpty() ? "page layout" : "printed contents";
            context.agreement(confirmed(bookmarks, toc.anchors().isEmpty() ? layout.anchors() : toc.anchors()));
            Double tocPlaced = located(toc.anchors());
            // a printed contents list found where it says is as trustworthy as bookmarks: short sections do not
            // make it suspect the way they make layout headings suspect
            boolean placed = tocPlaced != null && tocPlaced >= PLACED;
            if (shallow(bookmarks, finer, placed ? 0 : pageCount)) {
                anchors = deepen(bookmarks, finer);
                context.structureNote(bookmarks.size() + " bookmark sections deepened with "
                        + (anchors.size() - bookmarks.size()) + " headings of the " + finerName);
            } else if (placed && bookmarks.size() <= toc.anchors().size() * NOT_FULLER
                    && missing(toc.anchors(), bookmarks) >= Math.max(MIN_MISSING,
                    toc.anchors().size() * MISSING_SHARE)) {
                // the bookmarks leave out entries the printed contents list and that were found on their pages (a
                // tool bookmarked some headings, or cover lines): the printed contents lead, the bookmarks add only
                // what lies deeper than it goes
                anchors = reconciled(toc.anchors(), bookmarks);
                context.structureNote("the bookmarks lack " + missing(toc.anchors(), bookmarks) + " of the "
                        + toc.anchors().size() + " printed contents entries found on their pages: the printed"
                        + " contents were followed, with " + (anchors.size() - toc.anchors().size())
                        + " deeper bookmarks");
            } else if (flat(bookmarks)) {
                anchors = withNumberedSections(bookmarks, pages);
                if (anchors.size() > bookmarks.size()) {
                    context.structureNote(bookmarks.size() + " bookmark sections deepened with "
                            + (anchors.size() - bookmarks.size()) + " numbered sub-sections printed inside them");
                }
            }
            return new Result(anchors, StructureSource.OUTLINE, layout.title());
        }
        Double located = located(toc.anchors());
        if (!toc.anchors().isEmpty() && located < UNPLACED && layout.anchors().size() >= toc.anchors().size()) {
            // a contents list whose titles are mostly not printed on the pages it was mapped to was misread (two
            // columns of entries run together, say): the layout's headings are the safer structure
            context.structureNote("the printed contents were set aside: only " + Math.round(located * 100)
                    + "% of its entries were found on their pages");
        } else if (!toc.anchors().isEmpty()) {
            List<Anchor> anchors = toc.anchors();
            context.agreement(located);
            if (shallow(toc.anchors(), layout.anchors(), pageCount)
                    && (double) pageCount / toc.anchors().size() >= LONG_CONTENTS_SECTIONS) {
                anchors = deepen(toc.anchors(), layout.anchors());
                context.structureNote(toc.anchors().size() + " printed contents entries deepened with "
                        + (anchors.size() - toc.anchors().size()) + " headings of the page layout");
            }
            return new Result(anchors, StructureSource.TOC, layout.title());
        }
        if (!layout.anchors().isEmpty()) {
            List<Anchor> anchors = withNumberedSections(layout.anchors(), pages);
            if (anchors.size() > layout.anchors().size()) {
                context.structureNote((anchors.size() - layout.anchors().size())
                        + " numbered sub-sections found in sequence under the layout's numbered sections");
            }
            return new Result(anchors, StructureSource.LAYOUT, layout.title());
        }
        return new Result(List.of(), StructureSource.PAGES, layout.title());
    }

    /** Printed contents entries no bookmark stands for (same page or next, title the same or ending the same). */
    private static int missing(List<Anchor> toc, List<Anchor> bookmarks) {
        int missing = 0;
        for (Anchor entry : toc) {
            if (bookmarks.stream().noneMatch(b -> sameEntry(entry, b))) {
                missing++;
            }
        }
        return missing;
    }

    /**
     * One heading named by two sources: on the same page or the next, one title ending the other's ("CHAPTER ONE
     * INTRODUCTION" printed, "introduction" bookmarked).
     */
    private static boolean sameEntry(Anchor a, Anchor b) {
        if (Math.abs(a.page() - b.page()) > 1) {
            return false;
        }
        String x = key(a.title());
        String y = key(b.title());
        return !x.isEmpty() && !y.isEmpty() && (x.endsWith(y) || y.endsWith(x));
    }

    /** The printed contents, with the bookmarks that lie deeper than any of its entries nested where they fall. */
    private static List<Anchor> reconciled(List<Anchor> toc, List<Anchor> bookmarks) {
        int deepest = toc.stream().mapToInt(Anchor::level).max().orElse(1);
        List<Anchor> merged = new ArrayList<>(toc);
        for (Anchor bookmark : bookmarks) {
            if (bookmark.level() > deepest && toc.stream().noneMatch(e -> sameEntry(e, bookmark))
                    && after(bookmark, toc.get(0))) {
                merged.add(bookmark);
            }
        }
        merged.sort(Comparator.comparingInt(Anchor::page).thenComparingInt(Anchor::line));
        return merged;
    }

    /** Bookmarks all on one level: a list of chapters or sections that may leave their sub-sections out. */
    private static boolean flat(List<Anchor> bookmarks) {
        return bookmarks.stream().mapToInt(Anchor::level).distinct().count() == 1;
    }

    /**
     * Numbered bookmarks ("3 Method") deepened with the sub-sections numbered under them in sequence ("3.1", "3.2")
     * when several sections have them: a paper's bookmarks often list its sections only. One section with such lines
     * is not enough to say the bookmarks left a level out.
     */
    private static List<Anchor> withNumberedSections(List<Anchor> headings, List<List<PdfLine>> pages) {
        // only the top numbered sections frame the search: "3.2" lies in the range of "3", not of "3.1"
        List<Anchor> sections = headings.stream().filter(NumberedSections::topSection).toList();
        List<Anchor> numbered = NumberedSections.inside(sections, pages, LayoutHeadings.bodySize(pages));
        Set<String> listed = new HashSet<>();
        for (Anchor anchor : headings) {
            listed.add(key(anchor.title()));
        }
        numbered.removeIf(a -> listed.contains(key(a.title())));
        long parents = sections.stream().filter(b -> numbered.stream().anyMatch(a -> a.level() == b.level() + 1
                && a.title().startsWith(sectionNumber(b.title()) + "."))).count();
        if (parents < MIN_NUMBERED_PARENTS) {
            return headings;
        }
        List<Anchor> merged = new ArrayList<>(headings);
        merged.addAll(numbered);
        merged.sort(Comparator.comparingInt(Anchor::page).thenComparingInt(Anchor::line));
        return merged;
    }

    private static String sectionNumber(String title) {
        String stripped = title.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space).replaceAll("[.:]$", "");
    }

    /**
     * Most bookmarks are not section titles: sentences (a long run of words ending like one, as when each paragraph
     * is bookmarked) or file names (one word with underscores or a running number, as when pages were joined).
     */
    static boolean notSections(List<PdfOutline.Entry> outline) {
        if (outline.size() < 10) {
            return false;
        }
        long sentences = outline.stream().map(PdfOutline.Entry::title)
                .filter(t -> Text.words(t) > 12 && (Text.endsLikeSentence(t) || t.endsWith(";") || t.endsWith(":"))
                        || FILE_NAME.matcher(t.strip()).matches())
                .count();
        return sentences > outline.size() * SENTENCE_BOOKMARKS;
    }

    /**
     * The coarser source lists only the top of a structure the finer one knows deeper: long sections, many more
     * entries in the finer source, and the finer source finds most of the coarser one's headings itself. A
     * {@code pageCount} of 0 leaves the sections' length out (the finer source is a contents list found in place).
     */
    static boolean shallow(List<Anchor> coarse, List<Anchor> finer, int pageCount) {
        if (coarse.isEmpty() || finer.size() < coarse.size() * FINER
                || pageCount > 0 && (double) pageCount / coarse.size() < LONG_SECTIONS) {
            return false;
        }
        Double agreement = confirmed(coarse, finer);
        return agreement != null && agreement >= SAME_STRUCTURE;
    }

    /**
     * The coarse anchors with, inside each one's range, the finer anchors it does not list itself, nested one level
     * below it and keeping their relative depth.
     */
    static List<Anchor> deepen(List<Anchor> coarse, List<Anchor> finer) {
        Set<String> listed = new HashSet<>();
        for (Anchor anchor : coarse) {
            listed.add(key(anchor.title()));
        }
        List<Anchor> merged = new ArrayList<>(coarse);
        for (int i = 0; i < coarse.size(); i++) {
            Anchor start = coarse.get(i);
            Anchor end = i + 1 < coarse.size() ? coarse.get(i + 1) : null;
            List<Anchor> inside = new ArrayList<>();
            for (Anchor anchor : finer) {
                if (after(anchor, start) && (end == null || after(end, anchor))
                        && !listed.contains(key(anchor.title()))) {
                    inside.add(anchor);
                }
            }
            int top = inside.stream().mapToInt(Anchor::level).min().orElse(1);
            for (Anchor anchor : inside) {
                int level = Math.min(9, start.level() + 1 + anchor.level() - top);
                merged.add(new Anchor(level, anchor.title(), anchor.page(), anchor.line(), anchor.skip()));
            }
        }
        merged.sort(Comparator.comparingInt(Anchor::page).thenComparingInt(Anchor::line));
        return merged;
    }

    /** Share of {@code headings} another source also finds (same title, same page or the next); null without one. */
    static Double confirmed(List<Anchor> headings, List<Anchor> other) {
        if (headings.isEmpty() || other.isEmpty()) {
            return null;
        }
        Set<String> found = new HashSet<>();
        for (Anchor anchor : other) {
            String key = key(anchor.title());
            found.add(key + "@" + anchor.page());
        }
        int confirmed = 0;
        for (Anchor anchor : headings) {
            String key = key(anchor.title());
            if (found.contains(key + "@" + anchor.page()) || found.contains(key + "@" + (anchor.page() + 1))
                    || found.contains(key + "@" + (anchor.page() - 1))) {
                confirmed++;
            }
        }
        return (double) confirmed / headings.size();
    }

    /** Share of printed contents entries found printed on their page (the rest are placed by the page offset). */
    private static Double located(List<Anchor> anchors) {
        return anchors.isEmpty() ? null : anchors.stream().filter(a -> a.skip() > 0).count() / (double) anchors.size();
    }

    private static boolean after(Anchor a, Anchor b) {
        return a.page() > b.page() || a.page() == b.page() && a.line() > b.line();
    }

    /** Titles compared without numbering, case, spacing and punctuation. */
    static String key(String title) {
        java.util.regex.Matcher decimal = Text.DECIMAL_NUMBERING.matcher(title);
        String bare = decimal.matches() ? decimal.group(2) : title;
        return Text.key(bare);
    }
}
