package io.vectorless.search;

/** The text of one page of a document, as the parser read it (1-based page). */
public record PageText(int page, String text) {
    public PageText {
        text = text == null ? "" : text;
    }
}
