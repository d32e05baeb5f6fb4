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
        unmappedGlyphs.add(0);
    }

    @Override
    protected void endPage(PDPage page) {
        flushLine();
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        if (positions.isEmpty()) {
            line.append(text);
            return;
        }
        float x0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
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
            x0 = Math.min(x0, position.getXDirAdj());
            x1 = Math.max(x1, position.getXDirAdj() + position.getWidthDirAdj());
        }
        fragments.add(new float[]{x0, x1});
        fragmentTexts.add(text);
        line.append(text);
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
            int start = 0;
            for (int i = 1; i <= fragments.size(); i++) {
                if (i == fragments.size() || fragments.get(i)[0] - fragments.get(i - 1)[1] > wideGap) {
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
