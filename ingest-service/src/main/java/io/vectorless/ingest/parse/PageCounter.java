package io.vectorless.ingest.parse;

/**
 * Approximate pages for formats without pages (DOCX, Markdown, text): a new page every {@code charsPerPage}
 * characters (about 3,000, a printed page of prose) or at an explicit page break, whichever comes first.
 */
final class PageCounter {
    private final int charsPerPage;
    private int page = 1;
    private int charsOnPage;

    PageCounter(int charsPerPage) {
        this.charsPerPage = Math.max(100, charsPerPage);
    }

    int page() {
        return page;
    }

    /** Counts text that was just placed on the current page. */
    void add(int chars) {
        charsOnPage += chars;
        while (charsOnPage >= charsPerPage) {
            charsOnPage -= charsPerPage;
            page++;
        }
    }

    void pageBreak() {
        if (charsOnPage > 0) {
            page++;
            charsOnPage = 0;
        }
    }

    int pageCount() {
        return charsOnPage == 0 && page > 1 ? page - 1 : page;
    }
}
