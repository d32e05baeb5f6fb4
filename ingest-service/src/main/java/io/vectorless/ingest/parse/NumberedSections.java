package io.vectorless.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered sub-sections printed inside numbered sections ("3.1 Training" and "3.1.2 Data" under "3 Method"),
 * found by their numbering rather than their type: papers and reports set sub-headings in body-size italics or plain
 * type that layout cues miss, but their numbers run in sequence (3.1, 3.2, 3.2.1 ...) under the section's own number,
 * which a cross-reference or a wrapped line starting with a number does not.
 */
final class NumberedSections {
    /** "3", "12", "A", "B": the number a section's sub-sections continue. */
    private static final Pattern SECTION_NUMBER = Pattern.compile("^(\\d{1,3}|[A-Z])(?:\\.|:)?\\s+\\S.*$");
    private static final int MAX_WORDS = 16;
    private static final int MAX_DEPTH = 3;

    private NumberedSections() {
    }

    /**
     * Inside each section's range (from its heading to the next section's), the lines numbered as its sub-sections
     * in sequence, as anchors one or more levels below it. Sections without a number of their own get none.
     */
    static List<Anchor> inside(List<Anchor> sections, List<List<PdfLine>> pages, float body) {
        List<Anchor> found = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Anchor section = sections.get(i);
            Matcher number = SECTION_NUMBER.matcher(section.title().strip());
            if (!number.matches()) {
                continue;
            }
            Anchor end = i + 1 < sections.size() ? sections.get(i + 1) : null;
            found.addAll(children(section, number.group(1), end, pages, body));
        }
        return found;
    }

    /** A heading numbered with one number or letter ("3 Method", "B Proofs"): a section sub-sections go under. */
    static boolean topSection(Anchor heading) {
        return SECTION_NUMBER.matcher(heading.title().strip()).matches();
    }

    private static List<Anchor> children(Anchor section, String number, Anchor end, List<List<PdfLine>> pages,
                                         float body) {
        Pattern child = Pattern.compile("^(" + Pattern.quote(number) + "(?:\\.\\d{1,3}){1," + MAX_DEPTH
                + "})\\.?\\s+(\\p{Lu}.*)$");
        // the last number taken at each depth below the section: 3.2 then 3.2.1 expects 3.2.2 or 3.3 next
        int[] last = new int[MAX_DEPTH + 1];
        List<Anchor> children = new ArrayList<>();
        int lastPage = end == null ? pages.size() : end.page();
        for (int page = section.page(); page <= lastPage; page++) {
            List<PdfLine> lines = pages.get(page - 1);
            int from = page == section.page() ? section.line() + Math.max(1, section.skip()) : 0;
            int to = end != null && page == end.page() ? Math.min(end.line(), lines.size()) : lines.size();
            for (int l = from; l < to; l++) {
                PdfLine line = lines.get(l);
                String text = line.text().strip();
                Matcher m = child.matcher(text);
                if (!m.matches() || !titleLike(line, text, body)) {
                    continue;
                }
                String[] parts = m.group(1).split("\\.");
                int depth = parts.length - 1;
                if (!inSequence(parts, last)) {
                    continue;
                }
                last[depth] = Integer.parseInt(parts[depth]);
                for (int d = depth + 1; d <= MAX_DEPTH; d++) {
                    last[d] = 0;
                }
                int skip = 1;
                if (l + 1 < to && continues(line, lines.get(l + 1))) {
                    text = text + " " + lines.get(l + 1).text().strip();
                    skip = 2;
                }
                children.add(new Anchor(Math.min(9, section.level() + depth), text, page, l, skip));
            }
        }
        return children;
    }

    /** The next sibling at its depth, under the parents taken so far (3.1 first, then 3.2 or 3.1.1). */
    private static boolean inSequence(String[] parts, int[] last) {
        int depth = parts.length - 1;
        for (int d = 1; d < depth; d++) {
            if (Integer.parseInt(parts[d]) != last[d]) {
                return false;
            }
        }
        return Integer.parseInt(parts[depth]) == last[depth] + 1;
    }

    private static boolean titleLike(PdfLine line, String text, float body) {
        // small capitals measure smaller than the body: most of their letters are the small ones
        float smallest = Text.isAllCaps(text) ? 0.75f : 0.9f;
        return text.length() <= 120 && Text.words(text) <= MAX_WORDS && !Text.endsLikeSentence(text)
                && line.fontSize() >= body * smallest && !text.endsWith(",");
    }

    /** A title in capitals wrapped onto a second line in the same type ("... RECURRENT NEURAL" / "NETWORK"). */
    private static boolean continues(PdfLine title, PdfLine next) {
        String text = next.text().strip();
        return Text.isAllCaps(title.text()) && Text.isAllCaps(text) && next.fontSize() == title.fontSize()
                && Math.abs(next.x0() - title.x0()) < 20 && Text.words(text) <= 8
                && !Text.DECIMAL_NUMBERING.matcher(text).matches();
    }
}
