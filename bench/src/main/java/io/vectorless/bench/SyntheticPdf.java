package io.vectorless.bench;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Book-like PDFs whose true structure is known: chapters, sections and subsections with body text, running
 * headers and footers, optionally bookmarks. The style varies with the seed (fonts, sizes, bold, numbering, capital
 * chapter titles) so heading detection is measured on more than one look.
 */
final class SyntheticPdf {
    record Heading(int level, String title, int page) {
    }

    record Generated(byte[] bytes, int pages, List<Heading> truth) {
    }

    private static final String[] WORDS = ("system data model result analysis process method value design energy "
            + "network signal control theory measure sample average report policy market growth factor pattern "
            + "element structure source level change effect review survey object layer region memory storage "
            + "protocol channel budget quality feature vector stream").split(" ");

    private final Random random;
    private final boolean numbered;
    private final boolean boldHeadings;
    private final boolean capitalChapters;
    private final float bodySize;
    private final float[] headingSizes;
    private final Standard14Fonts.FontName bodyFont;
    private final Standard14Fonts.FontName headingFont;
    /** Level-3 headings in the body font and size: only the numbering (if any) gives them away. */
    private final boolean plainLevel3;

    SyntheticPdf(long seed) {
        // spread the seed: java.util.Random's first draws barely differ for neighbouring seeds
        random = new Random(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
        numbered = random.nextBoolean();
        boldHeadings = random.nextInt(4) != 0;
        capitalChapters = random.nextInt(3) == 0;
        bodySize = 9 + random.nextInt(4);
        float step = 1.5f + random.nextInt(3);
        // some styles set subsections in body size and rely on weight or numbering alone
        headingSizes = new float[]{bodySize + 3 * step, bodySize + 2 * step, random.nextBoolean() ? bodySize + step
                : bodySize};
        plainLevel3 = random.nextInt(4) == 0;
        boolean serif = random.nextBoolean();
        bodyFont = serif ? Standard14Fonts.FontName.TIMES_ROMAN : Standard14Fonts.FontName.HELVETICA;
        headingFont = boldHeadings ? (serif ? Standard14Fonts.FontName.TIMES_BOLD : Standard14Fonts.FontName.HELVETICA_BOLD)
                : bodyFont;
    }

    String describe() {
        return String.format(Locale.ROOT, "body %.0fpt %s, headings %s%s%s, sizes %.1f/%.1f/%.1f", bodySize,
                bodyFont, boldHeadings ? "bold" : "regular", numbered ? ", numbered" : "",
                capitalChapters ? ", capital chapters" : "", headingSizes[0], headingSizes[1],
                plainLevel3 ? bodySize : headingSizes[2]);
    }

    Generated generate(int pageCount, boolean outline) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType1Font body = new PDType1Font(bodyFont);
            PDType1Font heading = new PDType1Font(headingFont);
            PDType1Font small = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font emphasis = new PDType1Font(bodyFont == Standard14Fonts.FontName.TIMES_ROMAN
                    ? Standard14Fonts.FontName.TIMES_BOLD : Standard14Fonts.FontName.HELVETICA_BOLD);
            PDDocumentOutline root = new PDDocumentOutline();
            List<PDOutlineNode> parents = new ArrayList<>(List.of(root));
            List<Heading> truth = new ArrayList<>();
            int[] numbers = new int[3];
            int lastLevel = 0;
            for (int p = 1; p <= pageCount; p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    show(content, small, 8, 72, 760, "Synthetic Handbook of Systems - Edition 3");
                    show(content, small, 8, 300, 30, Integer.toString(p));
                    float y = 730;
                    boolean chapterPage = p == 1 || random.nextInt(12) == 0;
                    while (y > 80) {
                        int level = chapterPage ? 1 : random.nextInt(6) == 0 ? 2 : random.nextInt(8) == 0 ? 3 : 0;
                        chapterPage = false;
                        level = Math.min(level, lastLevel + 1);
                        if (level > 0 && y > 160) {
                            lastLevel = level;
                            String title = title(level, numbers);
                            float size = headingSizes[level - 1];
                            y -= size * 1.8f;
                            float top = y + size + 2;
                            boolean plain = level == 3 && plainLevel3;
                            show(content, plain ? body : heading, plain ? bodySize : size, 72, y, title);
                            truth.add(new Heading(level, title, p));
                            if (outline) {
                                bookmark(page, title, level, top, parents);
                            }
                        }
                        if (level == 0 && random.nextInt(10) == 0 && y > 120) {
                            y = distractor(content, body, emphasis, y);
                        }
                        int lines = 3 + random.nextInt(6);
                        for (int i = 0; i < lines && y > 80; i++) {
                            y -= bodySize * 1.4f;
                            show(content, body, bodySize, 72, y, sentence(i == lines - 1));
                        }
                        y -= bodySize * 0.6f;
                    }
                }
            }
            if (outline) {
                document.getDocumentCatalog().setDocumentOutline(root);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return new Generated(out.toByteArray(), pageCount, truth);
        }
    }

    /**
     * Lines that look a little like headings and are not: bold run-in phrases, list items, warnings in capitals,
     * figure captions.
     */
    private float distractor(PDPageContentStream content, PDType1Font body, PDType1Font bold, float y) throws IOException {
        y -= bodySize * 1.4f;
        switch (random.nextInt(4)) {
            case 0 -> show(content, bold, bodySize, 72, y, "Key " + WORDS[random.nextInt(WORDS.length)] + " points");
            case 1 -> {
                for (int i = 1; i <= 3; i++) {
                    show(content, body, bodySize, 84, y, i + ". Check the " + WORDS[random.nextInt(WORDS.length)]
                            + " " + WORDS[random.nextInt(WORDS.length)]);
                    y -= bodySize * 1.4f;
                }
            }
            case 2 -> show(content, body, bodySize, 72, y, "WARNING");
            default -> show(content, body, bodySize - 1, 72, y, "Figure " + (1 + random.nextInt(9)) + "."
                    + (1 + random.nextInt(9)) + " " + WORDS[random.nextInt(WORDS.length)] + " overview");
        }
        return y;
    }

    private String title(int level, int[] numbers) {
        numbers[level - 1]++;
        for (int deeper = level; deeper < numbers.length; deeper++) {
            numbers[deeper] = 0;
        }
        StringBuilder words = new StringBuilder();
        int count = 2 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            words.append(i == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        String text = words.toString();
        if (level == 1 && capitalChapters) {
            text = text.toUpperCase(Locale.ROOT);
        }
        if (!numbered) {
            return level == 1 ? "Chapter " + numbers[0] + " " + text : text;
        }
        StringBuilder number = new StringBuilder().append(numbers[0]);
        for (int i = 1; i < level; i++) {
            number.append('.').append(Math.max(1, numbers[i]));
        }
        return number + " " + text;
    }

    private String sentence(boolean last) {
        StringBuilder line = new StringBuilder();
        while (line.length() < 80) {
            line.append(line.isEmpty() ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        line.setCharAt(0, Character.toUpperCase(line.charAt(0)));
        return last ? line + "." : line.toString();
    }

    private static void bookmark(PDPage page, String title, int level, float top, List<PDOutlineNode> parents) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        PDPageXYZDestination destination = new PDPageXYZDestination();
        destination.setPage(page);
        destination.setTop((int) top);
        item.setDestination(destination);
        while (parents.size() > level) {
            parents.remove(parents.size() - 1);
        }
        parents.get(parents.size() - 1).addLast(item);
        parents.add(item);
    }

    private static void show(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
