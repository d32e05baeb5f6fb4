package io.vectorless.ingest.parse;

/**
 * A heading placed in a PDF's text: before line {@code line} of page {@code page}; the next {@code skip} lines are
 * the heading's own printed text and do not repeat in the body.
 */
record Anchor(int level, String title, int page, int line, int skip) {
}
