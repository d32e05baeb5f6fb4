package io.vectorless.ingest.parse;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * PDFBox's text extraction, kept as positioned lines instead of one string: each line remembers where it sits,
 * its dominant font size and how much of it is bold. Word fragments and the gaps between them are kept so a page
 * set in two columns can be taken apart again.
 */
final class PdfLineCollector extends PDFTextStripper {
    /**
     * Bold faces whose names do not say "bold": URW's "-Medi" (the Times, Palatino and Bookman bold most TeX papers
     * are set in) and TeX's bold extended Computer Modern and EC fonts (CMBX10, CMMIB10, SFBX1000, ECBX1200).
     */
    private static final java.util.regex.Pattern BOLD_NAME = java.util.regex.Pattern.compile(
            "-medi|^(?:[a-z]{6}\\+)?(?:cm|sf|ec|tc)(?:bx|b\\d|mib|ssbx|bxti|bxsl)");
    /** A gap this many times the type size splits a line when it lies around the middle of the page. */
    private static final float GUTTER_GAP = 0.9f;
    /** Half the width of the band around the page's middle a column gutter lies in, as a share of the width. */
    private static final float MID_BAND = 0.12f;
    /** At most this share of a page's glyphs set in other directions than its own is dropped. */
    private static final float SIDEWAYS_SHARE = 0.1f;
    private final Deadline deadline;
    private final List<List<PdfLine>> pages = new ArrayList<>();
    private final List<Integer> unmappedGlyphs = new ArrayList<>();
    private final Map<PDFont, Boolean> boldFonts = new IdentityHashMap<>();
    private final StringBuilder line = new StringBuilder();
    private final List<float[]> fragments = new ArrayList<>();
    private final List<String> fragmentTexts = new ArrayList<>();
    // font sizes on the current line and their character counts: a line rarely has more than a few
    private final float[] sizes = new float[16];
    private final int[] sizeCounts = new int[16];
    private int sizeSlots;
    private PDFont lastFont;
    private float pageWidth;
    private boolean lastFontBold;
    private List<PdfLine> current;
    private float top = Float.MAX_VALUE;
    private int boldChars;
    private int chars;
    private int boldLetters;
    private int letters;

    PdfLineCollector(Deadline deadline) {
        this.deadline = deadline;
        setSortByPosition(true);
        setLineSeparator("\n");
    }

    List<List<PdfLine>> pages() {
        return pages;
    }

    /**
     * Per page, the glyphs drawn in composite fonts that have no Unicode mapping: the text stripper drops them, so
     * a page set in such a font (common in Chinese and Japanese PDFs) loses its text without a trace in its lines.
     */
    List<Integer> unmappedGlyphs() {
        return unmappedGlyphs;
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
            throws IOException {
        if (!(font instanceof PDSimpleFont) && font.toUnicode(code) == null) {
            unmappedGlyphs.set(unmappedGlyphs.size() - 1, unmappedGlyphs.get(unmappedGlyphs.size() - 1) + 1);
        }
        super.showGlyph(textRenderingMatrix, font, code, displacement);
    }

    @Override
    protected void startPage(PDPage page) {
        deadline.check();
        current = new ArrayList<>();
        pages.add(current);
        pageWidth = page.getMediaBox().getWidth();
        unmappedGlyphs.add(0);
    }

    @Override
    protected void endPage(PDPage page) {
        flushLine();
    }

    /**
     * Drops the few glyphs set against the page's own direction before the page's lines are made: a repository's
     * stamp up the margin, a table's turned column labels. The stripper hands them over in their own direction, so
     * they would read as a line of large type (an arXiv stamp became papers' titles) or break into the text. A page
     * set sideways as a whole keeps all its text: only a small minority is dropped.
     */
    @Override
    protected void writePage() throws IOException {
        Map<Float, Integer> byDirection = new java.util.HashMap<>();
        int all = 0;
        for (List<TextPosition> article : charactersByArticle) {
            for (TextPosition position : article) {
                byDirection.merge(position.getDir(), 1, Integer::sum);
                all++;
            }
        }
        if (byDirection.size() > 1) {
            float main = byDirection.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            int against = all - byDirection.get(main);
            if (against <= all * SIDEWAYS_SHARE) {
                for (List<TextPosition> article : charactersByArticle) {
                    article.removeIf(position -> position.getDir() != main);
                }
            }
        }
        super.writePage();
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        if (positions.isEmpty()) {
            line.append(text);
            return;
        }
        float x0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
        // a run PDFBox hands over as one word can still cross a column gutter when the PDF spaces its columns apart
        // with space glyphs or a jump inside one text object: such a run is cut where its glyphs jump, so the gutter
        // is seen the same way as between words
        int cut = gutterInside(positions);
        if (cut > 0) {
            boolean oneToOne = text.length() == positions.size();
            List<TextPosition> head = positions.subList(0, cut);
            List<TextPosition> tail = positions.subList(cut, positions.size());
            writeString(oneToOne ? text.substring(0, cut) : glyphText(head), head);
            writeString(oneToOne ? text.substring(cut) : glyphText(tail), tail);
            return;
        }
        for (TextPosition position : positions) {
            // the type's height, not its width: TeX's font expansion and condensed faces scale glyphs horizontally,
            // which PDFBox's size in points (taken from the horizontal scale) reads as a smaller or larger type
            float size = position.getTextMatrix().getScalingFactorY();
            if (size <= 0) {
                size = position.getFontSizeInPt();
            }
            if (size <= 0) {
                size = position.getHeightDir();
            }
            float rounded = Math.round(size * 2) / 2f;
            String unicode = position.getUnicode();
            int count = unicode == null || unicode.isEmpty() ? 1 : unicode.length();
            countSize(rounded, count);
            chars += count;
            PDFont font = position.getFont();
            if (font != lastFont) {
                lastFont = font;
                lastFontBold = isBold(font);
            }
            // brackets, quotes and symbols often come from another font than the word they surround: only letters
            // and digits say whether a line is set in bold
            boolean letter = unicode != null && !unicode.isEmpty()
                    && Character.isLetterOrDigit(unicode.codePointAt(0));
            if (letter) {
                letters += count;
            }
            if (lastFontBold) {
                boldChars += count;
                if (letter) {
                    boldLetters += count;
                }
            }
            top = Math.min(top, position.getYDirAdj() - position.getHeightDir());
            // blank glyphs do not count: a run cut at a gutter may start with the spaces that led up to it
            if (unicode != null && !unicode.isBlank()) {
                x0 = Math.min(x0, position.getXDirAdj());
                x1 = Math.max(x1, position.getXDirAdj() + position.getWidthDirAdj());
            }
        }
        if (x0 > x1) {
            x0 = positions.get(0).getXDirAdj();
            x1 = x0;
        }
        fragments.add(new float[]{x0, x1});
        fragmentTexts.add(text);
        line.append(text);
    }

    /**
     * Index of the first glyph after a column gutter around the page's middle inside one run (blank glyphs count as
     * gap), or -1. Only the text's own glyphs are measured, so a run of plain words is never cut.
     */
    private int gutterInside(List<TextPosition> positions) {
        float width = pageWidth;
        float end = -Float.MAX_VALUE;
        for (int i = 0; i < positions.size(); i++) {
            TextPosition position = positions.get(i);
            String unicode = position.getUnicode();
            if (unicode == null || unicode.isBlank()) {
                continue;
            }
            float gap = position.getXDirAdj() - end;
            // only a gap around the middle: a run spaced out to the far edge is a running footer's own layout
            // ("Standard, v3.2        Page 4"), kept whole so it is recognised on every page
            if (end > -Float.MAX_VALUE && gap > 7f && midGutter(end, position.getXDirAdj(), width)) {
                float size = position.getTextMatrix().getScalingFactorY();
                if (gap > GUTTER_GAP * (size > 0 ? size : position.getHeightDir())) {
                    return i;
                }
            }
            end = position.getXDirAdj() + position.getWidthDirAdj();
        }
        return -1;
    }

    private static String glyphText(List<TextPosition> positions) {
        StringBuilder text = new StringBuilder();
        for (TextPosition position : positions) {
            if (position.getUnicode() != null) {
                text.append(position.getUnicode());
            }
        }
        return text.toString();
    }

    @Override
    protected void writeWordSeparator() {
        line.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
        flushLine();
    }

    private void flushLine() {
        String text = Text.oneLine(line.toString());
        if (!text.isEmpty() && current != null && !fragments.isEmpty()) {
            float size = 0;
            int best = -1;
            for (int i = 0; i < sizeSlots; i++) {
                if (sizeCounts[i] > best || sizeCounts[i] == best && sizes[i] > size) {
                    best = sizeCounts[i];
                    size = sizes[i];
                }
            }
            float boldShare = letters > 0 ? (float) boldLetters / letters
                    : chars == 0 ? 0 : (float) boldChars / chars;
            float wideGap = Math.max(15f, 2.5f * size);
            float gutterGap = Math.max(7f, GUTTER_GAP * size);
            float width = pageWidth;
            int start = 0;
            for (int i = 1; i <= fragments.size(); i++) {
                if (i == fragments.size() || fragments.get(i)[0] - fragments.get(i - 1)[1] > wideGap
                        || fragments.get(i)[0] - fragments.get(i - 1)[1] > gutterGap
                        && midGutter(fragments.get(i - 1)[1], fragments.get(i)[0], width)) {
                    String part = Text.oneLine(String.join(" ", fragmentTexts.subList(start, i)));
                    if (!part.isEmpty()) {
                        current.add(new PdfLine(getCurrentPageNo(), part, top, fragments.get(start)[0],
                                fragments.get(i - 1)[1], size, boldShare, start > 0));
                    }
                    start = i;
                }
            }
        }
        line.setLength(0);
        fragments.clear();
        fragmentTexts.clear();
        sizeSlots = 0;
        top = Float.MAX_VALUE;
        boldChars = 0;
        chars = 0;
        boldLetters = 0;
        letters = 0;
    }

    /**
     * A gap that ends around the middle of the page: two columns set close together (a 12 pt gutter in journal styles, two
     * columns of contents entries) leave only such a gap between them, narrower than the gap that splits a line
     * anywhere. The parts are glued back unless the page turns out to have columns.
     */
    private static boolean midGutter(float gapStart, float gapEnd, float width) {
        // the right-hand column starts around the middle; the left one may end anywhere before (a short entry)
        return width > 0 && gapStart < gapEnd && gapEnd >= width * (0.5f - MID_BAND)
                && gapEnd <= width * (0.5f + MID_BAND);
    }

    private void countSize(float size, int count) {
        for (int i = 0; i < sizeSlots; i++) {
            if (sizes[i] == size) {
                sizeCounts[i] += count;
                return;
            }
        }
        if (sizeSlots < sizes.length) {
            sizes[sizeSlots] = size;
            sizeCounts[sizeSlots++] = count;
        }
    }

    private boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        return boldFonts.computeIfAbsent(font, f -> {
            String name = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
            if (name.contains("bold") || name.contains("black") || name.contains("heavy")
                    || name.contains("semibold") || name.contains("demi") || BOLD_NAME.matcher(name).find()) {
                return true;
            }
            PDFontDescriptor descriptor = f.getFontDescriptor();
            return descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600);
        });
    }
}
