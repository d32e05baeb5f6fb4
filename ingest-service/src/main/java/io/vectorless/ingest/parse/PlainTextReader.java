package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain text: headings where the text shows them (numbered lines like {@code 1.2 Title}, lines underlined with
 * {@code ===} or {@code ---}, short all-capital lines between blank lines); otherwise paragraphs grouped into
 * sections of about a page each.
 */
final class PlainTextReader {
    private static final int MAX_HEADING_CHARS = 80;

    private final ParseContext context;

    PlainTextReader(ParseContext context) {
        this.context = context;
    }

    ParsedDocument read(String content) {
        String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Integer> headingLevels = new ArrayList<>(lines.length);
        int headings = 0;
        for (int i = 0; i < lines.length; i++) {
            int level = headingLevel(lines, i);
            headingLevels.add(level);
            if (level > 0) {
                headings++;
            }
        }
        if (headings == 0) {
            return paragraphs(lines);
        }
        BlockWriter writer = new BlockWriter();
        PageCounter pages = new PageCounter(context.limits.charsPerPage());
        for (int i = 0; i < lines.length; i++) {
            if (i % 1000 == 0) {
                context.deadline.check();
            }
            String line = lines[i];
            int level = headingLevels.get(i);
            if (level > 0) {
                writer.heading(level, line, pages.page());
                if (i + 1 < lines.length && isUnderline(lines[i + 1], line)) {
                    i++;
                }
            } else if (line.isBlank()) {
                writer.paragraphBreak();
            } else {
                writer.line(line, pages.page());
            }
            pages.add(line.length() + 1);
        }
        context.checkPages(pages.pageCount(), "pages (approximated)");
        return context.result(null, pages.pageCount(), StructureSource.HEADINGS, writer.blocks());
    }

    private static int headingLevel(String[] lines, int i) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.length() > MAX_HEADING_CHARS || Text.endsLikeSentence(line)) {
            return 0;
        }
        if (i + 1 < lines.length && isUnderline(lines[i + 1], line)) {
            return lines[i + 1].strip().charAt(0) == '=' ? 1 : 2;
        }
        boolean blankBefore = i == 0 || lines[i - 1].isBlank();
        int depth = Text.numberingDepth(line);
        if (depth > 0 && blankBefore && Text.words(line) <= 12 && !line.endsWith(":")) {
            // "1. Install Java" in a run of list items is not a heading: it needs a blank line after it too
            boolean blankAfter = i + 1 >= lines.length || lines[i + 1].isBlank();
            if (depth > 1 || blankAfter || Text.CHAPTER.matcher(line).matches()) {
                return depth;
            }
        }
        boolean blankAfter = i + 1 >= lines.length || lines[i + 1].isBlank();
        if (blankBefore && blankAfter && Text.isAllCaps(line) && Text.words(line) <= 8) {
            return 1;
        }
        return 0;
    }

    private static boolean isUnderline(String underline, String text) {
        String trimmed = underline.strip();
        return trimmed.length() >= 3 && !text.isBlank() && (trimmed.chars().allMatch(c -> c == '=')
                || trimmed.chars().allMatch(c -> c == '-')) && trimmed.length() * 2 >= text.strip().length();
    }

    /**
     * No visible structure: paragraphs (blank-line separated) as text, about a page per block; the tree packs them
     * into sized sections.
     */
    private ParsedDocument paragraphs(String[] lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    paragraphs.add(current.toString());
                    current.setLength(0);
                }
            } else {
                if (!current.isEmpty()) {
                    current.append('\n');
                }
                current.append(line.strip());
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current.toString());
        }
        BlockWriter writer = new BlockWriter();
        PageCounter pages = new PageCounter(context.limits.charsPerPage());
        for (String paragraph : paragraphs) {
            context.deadline.check();
            writer.line(paragraph, pages.page());
            writer.paragraphBreak();
            pages.add(paragraph.length() + 2);
        }
        context.checkPages(pages.pageCount(), "pages (approximated)");
        return context.result(null, pages.pageCount(), StructureSource.PARAGRAPHS, writer.blocks());
    }
}
