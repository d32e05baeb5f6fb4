package io.vectorless.ingest.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Headings found from how lines look when a PDF has no bookmarks: larger or bold type than the body text,
 * numbering such as {@code 2.3.1}, {@code Chapter 4} or {@code Appendix A}, short all-capital lines. The level comes
 * from the numbering depth, else from the rank of the font size among heading sizes.
 */
final class LayoutHeadings {
    private static final float LARGER = 1.12f;
    private static final double BODY_SHARE = 0.2;
    private static final int EDGE_LINES = 3;
    private static final int BOLD_WORDS = 10;
    /** Dot leaders ending in a page number: an entry of a printed contents list, which points at a heading. */
    private static final Pattern CONTENTS_ENTRY = Pattern.compile(".*(?:\\.\\s?){4,}\\s*(?:\\d+|[ivxlcdm]+)$");
    /** "Figure 2-6: Mirror images", "Table 3. Options": captions, set apart like headings but not sections. */
    private static final Pattern CAPTION = Pattern.compile("(?i)^(figure|fig\\.|table|listing|exhibit)\\s+"
            + "(?:[0-9]+|[A-Z])(?:[.\\-][0-9]+)*\\s*[:.\u2013\u2014-].*");
    private static final Pattern ENDS_IN_NUMBER = Pattern.compile(".*\\p{L}.*\\d{1,4}$");
    /** The identifier arXiv stamps down the margin of a preprint's first page: large type, never a heading. */
    private static final Pattern ARXIV_STAMP = Pattern.compile("(?i)^arxiv:\\s*[0-9a-z./-]+(?:v\\d+)?\\b.*");
    /** Numbered headings needed before the document's own heading styles are trusted over general cues. */
    private static final int MIN_NUMBERED = 4;
    private static final Pattern ABSTRACT = Pattern.compile("(?i)^abstract[.:]?$");
    /** Sections papers, reports and books carry without a number. */
    private static final Pattern UNNUMBERED_SECTION = Pattern.compile("(?i)^(?:abstract|acknowledge?ments?"
            + "|references|bibliography|appendi(?:x|ces)|supplementary(?: materials?)?|index|contents|preface"
            + "|foreword|glossary|notes|conclusions?|summary|introduction|executive summary"
            + "|table of contents)(?:\\s+[A-Z0-9]{1,3})?\\b[.:]?.{0,60}$");
    private static final Pattern APPENDIX_NUMBERING = Pattern.compile("^([A-Z](?:\\.\\d{1,3}){1,4})\\.?\\s+(\\p{Lu}.*)$");
    /**
     * An SEC form's items ("ITEM 1A. RISK FACTORS", "Item 7. Management's Discussion..."): the form's own sections,
     * whatever size the filer set them in; a cross-reference ("Item 15 of this Annual Report") is a sentence.
     */
    static final Pattern SEC_ITEM = Pattern.compile("^(?:ITEM|Item)\\s+(\\d{1,2}[A-C]?)\\s*[.:\u2013\u2014-]?"
            + "(?:\\s+(\\p{Lu}.*))?$");
    /** The Parts the items are grouped in ("PART II", "PART II - OTHER INFORMATION"). */
    private static final Pattern SEC_PART = Pattern.compile("^PART\\s+(?:I|II|III|IV)\\b(?:\\s*[.:\u2013\u2014-]?\\s*\\p{Lu}.*)?$");
    /**
     * A legal text's article or paragraph label on a line of its own ("Article 12", "ART. 3", "§ 823"), its title on
     * the line below: one heading, whatever size the two are set in.
     */
    static final Pattern LEGAL_LABEL = Pattern.compile("^(?:Article|ARTICLE|Art\\.|ART\\.|§{1,2})\\s*\\d{1,4}[a-z]?\\.?$");
    /** List bullets open list items, not headings. */
    private static final Pattern BULLET = Pattern.compile("^[\u2022\u2023\u25aa\u25cf\u25e6\u2013*\\-]\\s.*");

    /** The detected headings, and the document title when the first page opens with a one-off larger line. */
    record Result(List<Anchor> anchors, String title, int conventions) {
        Result(List<Anchor> anchors, String title) {
            this(anchors, title, 0);
        }
    }

    private record Candidate(int page, int line, int span, String text, float size, boolean bold, int depth,
                             boolean spaced) {
    }

    private LayoutHeadings() {
    }

    static Result detect(List<List<PdfLine>> pages) {
        float body = bodySize(pages);
        boolean boldBody = boldBody(pages);
        List<Candidate> candidates = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            List<PdfLine> lines = pages.get(p);
            boolean listing = isPageNumberListing(lines);
            for (int i = 0; i < lines.size(); i++) {
                PdfLine line = lines.get(i);
                if (!looksLikeHeading(line, body, boldBody)
                        || listing && ENDS_IN_NUMBER.matcher(line.text()).matches()) {
                    continue;
                }
                int span = 1;
                // the line whose type the rest of the heading shares
                PdfLine title = line;
                boolean labelled = false;
                if (LEGAL_LABEL.matcher(line.text()).matches() && i + 1 < lines.size()
                        && isLegalTitle(lines.get(i + 1), line)) {
                    title = lines.get(i + 1);
                    labelled = true;
                    span = 2;
                } else if (isBareLabel(line.text()) && i + 1 < lines.size()) {
                    // "Chapter 3" set on its own line above the chapter's title: one heading, not two
                    PdfLine next = lines.get(i + 1);
                    if (looksLikeHeading(next, body, boldBody) && Text.numberingDepth(next.text()) == 0
                            && !SEC_ITEM.matcher(next.text()).matches()
                            && next.top() - line.top() < 6 * line.fontSize()) {
                        title = next;
                        labelled = true;
                        span = 2;
                    }
                }
                StringBuilder text = new StringBuilder(line.text());
                if (labelled) {
                    text.append(' ').append(title.text());
                }
                int titleIndex = i + span - 1;
                // a long heading wraps onto a second line set the same way
                while (i + span < lines.size() && i + span - titleIndex < 3) {
                    PdfLine next = lines.get(i + span);
                    if (Math.abs(next.fontSize() - title.fontSize()) > 0.1f || next.bold() != title.bold()
                            || next.fontSize() < body * LARGER || Text.numberingDepth(next.text()) > 0
                            || next.top() - title.top() > 2.2f * title.fontSize() * (i + span - titleIndex)) {
                        break;
                    }
                    text.append(' ').append(next.text());
                    span++;
                }
                boolean spaced = i == 0 || line.top() - lines.get(i - 1).top() > 1.6f * line.fontSize();
                candidates.add(new Candidate(p + 1, i, span, text.toString(),
                        Math.max(line.fontSize(), title.fontSize()), line.bold(),
                        labelled ? labelDepth(line.text()) : depth(line.text()), spaced));
                i += span - 1;
            }
        }
        dropRepeatedLabels(candidates, body);
        dropRunningHeaders(candidates, pages);
        String title = title(candidates);
        if (title != null) {
            candidates.remove(0);
        }
        dropFrontMatter(candidates);
        keepLearnedStyles(candidates, body);
        TreeSet<Float> sizes = new TreeSet<>((a, b) -> Float.compare(b, a));
        for (Candidate candidate : candidates) {
            sizes.add(candidate.size());
        }
        Map<Float, Integer> rank = rankSizes(sizes, candidates);
        List<Anchor> anchors = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            int level = candidate.depth() > 0 ? candidate.depth() : rank.getOrDefault(candidate.size(), 1);
            anchors.add(new Anchor(level, candidate.text(), candidate.page(), candidate.line(), candidate.span()));
        }
        return new Result(anchors, title);
    }

    /**
     * The document's title: the first heading-like line of page one, unnumbered, set larger than anything else on
     * that page and in a size no other heading uses (a chart's lettering later on may well be larger).
     */
    private static String title(List<Candidate> candidates) {
        if (candidates.size() < 2 || candidates.get(0).page() != 1 || candidates.get(0).depth() != 0) {
            return null;
        }
        Candidate first = candidates.get(0);
        for (Candidate other : candidates.subList(1, candidates.size())) {
            if (other.size() == first.size() || other.page() == 1 && other.size() > first.size()) {
                return null;
            }
        }
        return first.text();
    }

    /**
     * A paper's front matter: between its title and its "Abstract" come authors, affiliations and addresses, often
     * set bold or large, never sections.
     */
    private static void dropFrontMatter(List<Candidate> candidates) {
        for (int i = 0; i < candidates.size() && candidates.get(i).page() <= 2; i++) {
            if (ABSTRACT.matcher(candidates.get(i).text()).matches()) {
                candidates.subList(0, i).clear();
                return;
            }
        }
    }

    /**
     * Heading styles learned from the document itself: where its sections are numbered, the numbered headings show
     * how headings look here. An unnumbered line then counts only in one of those styles (and, in body size, with
     * space above it, as a heading has and a table's bold header cell has not), or under a name sections of papers
     * and books carry unnumbered (Abstract, References, Acknowledgments, Appendix...). What is left out is the
     * lettering of charts and tables, author lines and bold lead-ins.
     */
    private static void keepLearnedStyles(List<Candidate> candidates, float body) {
        java.util.Set<String> styles = new java.util.HashSet<>();
        int numbered = 0;
        for (Candidate candidate : candidates) {
            if (candidate.depth() > 0 && !isBareLabel(candidate.text())) {
                styles.add(candidate.size() + "/" + candidate.bold());
                numbered++;
            }
        }
        if (numbered < MIN_NUMBERED) {
            return;
        }
        candidates.removeIf(candidate -> candidate.depth() == 0 && !UNNUMBERED_SECTION.matcher(candidate.text()).matches()
                && !(styles.contains(candidate.size() + "/" + candidate.bold())
                && (candidate.size() >= body * LARGER || candidate.spaced())));
    }

    /** An article sits under the chapters and sections of its act; a chapter label heads the level above. */
    private static int labelDepth(String label) {
        return LEGAL_LABEL.matcher(label).matches() ? 2 : 1;
    }

    /** The line under an article's label names it: short, not a sentence, close below. */
    private static boolean isLegalTitle(PdfLine next, PdfLine label) {
        String text = next.text();
        return Text.words(text) <= 20 && !text.endsWith(".") && !text.endsWith(";") && !text.endsWith(",")
                && hasLetter(text) && !Character.isLowerCase(text.codePointAt(0))
                && Text.numberingDepth(text) == 0 && next.top() - label.top() < 3 * label.fontSize()
                && next.top() > label.top();
    }

    /** Numbering depth, with appendix numbering ("A.2", "B.1.3") counted like decimal numbering. */
    private static int depth(String text) {
        if (SEC_ITEM.matcher(text).matches()) {
            // under the form's Parts
            return 2;
        }
        java.util.regex.Matcher appendix = APPENDIX_NUMBERING.matcher(text);
        if (appendix.matches()) {
            return appendix.group(1).split("\\.").length;
        }
        return Text.numberingDepth(text);
    }

    /**
     * A body-size line that is only bold or only capitals and recurs ("WARNING", "Note", "Example") is a label;
     * headings are rarely repeated word for word.
     */
    private static void dropRepeatedLabels(List<Candidate> candidates, float body) {
        Map<String, Integer> counts = new HashMap<>();
        for (Candidate candidate : candidates) {
            if (isBodySizeUnnumbered(candidate, body)) {
                counts.merge(Text.key(candidate.text()), 1, Integer::sum);
            }
        }
        candidates.removeIf(candidate -> isBodySizeUnnumbered(candidate, body)
                && counts.getOrDefault(Text.key(candidate.text()), 0) >= 3);
    }

    /**
     * A heading-like line at the top or foot of a page that repeats one seen on the same page or a page or two
     * before is a running header or footer (the current chapter or section printed on each of its pages); the
     * heading itself is its first occurrence. Headers often label it differently ("Chapter 1: Introduction" for
     * "1 Introduction", or no number at all); two numbers that differ still mean two sections ("4.2 Methods",
     * "4.3 Methods").
     */
    private static void dropRunningHeaders(List<Candidate> candidates, List<List<PdfLine>> pages) {
        Map<String, Candidate> last = new HashMap<>();
        candidates.removeIf(candidate -> {
            Candidate previous = last.put(Text.key(withoutNumber(candidate.text())), candidate);
            int lines = pages.get(candidate.page() - 1).size();
            boolean edge = candidate.line() < EDGE_LINES || candidate.line() >= lines - EDGE_LINES;
            return previous != null && edge && candidate.page() - previous.page() <= 2
                    && (Text.key(previous.text()).equals(Text.key(candidate.text()))
                    || previous.depth() == 0 || candidate.depth() == 0
                    || isDecimal(previous.text()) != isDecimal(candidate.text()));
        });
    }

    /**
     * A contents or index page: most of its lines end in a page number. Its entries name headings printed
     * elsewhere, however they are set.
     */
    private static boolean isPageNumberListing(List<PdfLine> lines) {
        int numbered = 0;
        for (PdfLine line : lines) {
            if (ENDS_IN_NUMBER.matcher(line.text()).matches()) {
                numbered++;
            }
        }
        return numbered >= 5 && numbered * 2 >= lines.size();
    }

    private static boolean isDecimal(String text) {
        return Text.DECIMAL_NUMBERING.matcher(text).matches();
    }

    private static String withoutNumber(String text) {
        java.util.regex.Matcher chapter = Text.CHAPTER.matcher(text);
        if (chapter.matches() && !chapter.group(3).isEmpty()) {
            return chapter.group(3);
        }
        java.util.regex.Matcher decimal = Text.DECIMAL_NUMBERING.matcher(text);
        return decimal.matches() ? decimal.group(2) : text;
    }

    private static boolean isBareLabel(String text) {
        java.util.regex.Matcher chapter = Text.CHAPTER.matcher(text);
        return chapter.matches() && chapter.group(3).isEmpty();
    }

    private static boolean isBodySizeUnnumbered(Candidate candidate, float body) {
        return candidate.size() < body * LARGER && candidate.depth() == 0;
    }

    static boolean looksLikeHeading(PdfLine line, float body, boolean boldBody) {
        String text = line.text();
        int words = Text.words(text);
        // numbered headings in small capitals measure smaller than the body: most of their letters are the small ones
        boolean smallCaps = line.fontSize() >= body * 0.75f && Text.isAllCaps(text) && Text.numberingDepth(text) > 1;
        if ((SEC_ITEM.matcher(text).matches() || SEC_PART.matcher(text).matches())
                && (line.bold() || Text.isAllCaps(text))
                && line.fontSize() >= body * 0.8f && text.length() <= 160 && !text.endsWith(".")) {
            return true;
        }
        if (LEGAL_LABEL.matcher(text).matches() && line.fontSize() >= body * 0.8f) {
            return true;
        }
        if (text.length() > 120 || words > 16 || Text.endsLikeSentence(text) || !hasLetter(text)
                || line.fontSize() < body * 0.95f && !smallCaps || CONTENTS_ENTRY.matcher(text).matches()
                || BULLET.matcher(text).matches() || CAPTION.matcher(text).matches()
                || ARXIV_STAMP.matcher(text).matches()) {
            return false;
        }
        boolean larger = line.fontSize() >= body * LARGER;
        boolean bold = line.bold() && !boldBody;
        int depth = Text.numberingDepth(text);
        boolean structuredNumber = depth > 1 || Text.CHAPTER.matcher(text).matches();
        if (larger) {
            return true;
        }
        if (bold) {
            // in body size, bold alone also marks a term being defined ("Option:") or a bold sentence
            return depth > 0 || !text.endsWith(":") && words <= BOLD_WORDS;
        }
        if (structuredNumber && words <= 12) {
            return startsWithCapitalAfterNumber(text);
        }
        // capitals joined by underscores or followed by brackets are identifiers (constants, macros), not titles
        return Text.isAllCaps(text) && words <= 8 && text.length() >= 4 && text.indexOf('_') < 0
                && text.indexOf('(') < 0 && !text.endsWith(":");
    }

    /**
     * Unnumbered headings take the level of numbered ones of the same size where there are any; otherwise sizes
     * are ranked, largest first.
     */
    private static Map<Float, Integer> rankSizes(TreeSet<Float> sizes, List<Candidate> candidates) {
        Map<Float, Map<Integer, Integer>> depthsBySize = new HashMap<>();
        for (Candidate candidate : candidates) {
            if (candidate.depth() > 0) {
                depthsBySize.computeIfAbsent(candidate.size(), s -> new HashMap<>())
                        .merge(candidate.depth(), 1, Integer::sum);
            }
        }
        Map<Float, Integer> rank = new HashMap<>();
        int next = 1;
        for (Float size : sizes) {
            Map<Integer, Integer> depths = depthsBySize.get(size);
            if (depths != null) {
                int depth = depths.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                rank.put(size, depth);
                next = Math.max(next, depth + 1);
            } else {
                rank.put(size, next);
                next++;
            }
        }
        return rank;
    }

    private static boolean startsWithCapitalAfterNumber(String text) {
        java.util.regex.Matcher decimal = Text.DECIMAL_NUMBERING.matcher(text);
        if (decimal.matches()) {
            return Character.isUpperCase(decimal.group(2).codePointAt(0));
        }
        return true;
    }

    /** Two letters at least: a lone large letter is a drop cap, not a heading. */
    private static boolean hasLetter(String text) {
        return text.chars().filter(Character::isLetter).limit(2).count() == 2;
    }

    /**
     * The size body text is set in. Manuals often set code, listings or an index in a smaller type that can outweigh
     * the prose; any size carrying a good share of all characters is running text, never heading type, so the
     * largest such size is the body.
     */
    static float bodySize(List<List<PdfLine>> pages) {
        Map<Float, Integer> chars = new HashMap<>();
        long all = 0;
        for (List<PdfLine> lines : pages) {
            for (PdfLine line : lines) {
                chars.merge(line.fontSize(), line.text().length(), Integer::sum);
                all += line.text().length();
            }
        }
        float mode = chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(10f);
        float body = mode;
        for (Map.Entry<Float, Integer> size : chars.entrySet()) {
            if (size.getKey() > body && size.getValue() >= all * BODY_SHARE) {
                body = size.getKey();
            }
        }
        return body;
    }

    private static boolean boldBody(List<List<PdfLine>> pages) {
        long bold = 0;
        long all = 0;
        for (List<PdfLine> lines : pages) {
            for (PdfLine line : lines) {
                all += line.text().length();
                if (line.bold()) {
                    bold += line.text().length();
                }
            }
        }
        return all > 0 && bold * 2 > all;
    }
}
