package io.vectorless.schema.parsed;

/**
 * One heading or one run of body text.
 *
 * @param kind    heading or text
 * @param level   heading depth, 1 = top level; 0 for text
 * @param text    the heading's title, or the body text (tables as text, rows on their own lines)
 * @param page    1-based page where the block starts
 * @param endPage 1-based page where the block ends (equal to {@code page} for most blocks)
 */
public record Block(BlockKind kind, int level, String text, int page, int endPage) {

    public Block {
        text = text == null ? "" : text;
        if (endPage < page) {
            endPage = page;
        }
    }

    public static Block heading(int level, String title, int page) {
        return new Block(BlockKind.HEADING, Math.max(1, level), title, page, page);
    }

    public static Block text(String text, int page, int endPage) {
        return new Block(BlockKind.TEXT, 0, text, page, endPage);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isHeading() {
        return kind == BlockKind.HEADING;
    }
}
