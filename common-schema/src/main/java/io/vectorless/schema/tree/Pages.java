package io.vectorless.schema.tree;

public final class Pages {
    private Pages() {
    }

    /** "3" for one page, "1-3" for a range, "" when unknown. */
    public static String range(int startPage, int endPage) {
        if (startPage <= 0) {
            return "";
        }
        return endPage > startPage ? startPage + "-" + endPage : Integer.toString(startPage);
    }
}
