package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.Block;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects blocks in reading order. Body text is cut at every heading and at every page boundary, so each text
 * block belongs to one page and the tree can compute exact page ranges and split long sections by page.
 */
final class BlockWriter {
    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int textPage = -1;
    private int headings;

    void heading(int level, String title, int page) {
        flush();
        String clean = Text.oneLine(title);
        if (!clean.isEmpty()) {
            blocks.add(Block.heading(Math.max(1, Math.min(9, level)), clean, Math.max(1, page)));
            headings++;
        }
    }

    /** Adds a line (or several) of body text on {@code page}. */
    void line(String line, int page) {
        if (line == null || line.isBlank()) {
            return;
        }
        if (textPage != page) {
            flush();
            textPage = page;
        }
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(line.strip());
    }

    /** Marks a paragraph break inside the current text. */
    void paragraphBreak() {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    void flush() {
        String value = text.toString().strip();
        if (!value.isEmpty()) {
            blocks.add(Block.text(value, textPage, textPage));
        }
        text.setLength(0);
        textPage = -1;
    }

    int headingCount() {
        return headings;
    }

    List<Block> blocks() {
        flush();
        return List.copyOf(blocks);
    }
}
