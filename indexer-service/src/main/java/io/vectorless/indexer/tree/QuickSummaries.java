package io.vectorless.indexer.tree;

import java.util.List;

/** Summaries written without an LLM: the start of a node's text, or what it contains. */
public final class QuickSummaries {
    private static final int MAX_TITLES = 12;

    private QuickSummaries() {
    }

    /** The start of the text; for a node without text, its children's titles. */
    public static String ofNode(String text, List<String> childTitles, int maxChars) {
        String snippet = TextCuts.snippet(text, maxChars);
        if (!snippet.isEmpty() || childTitles.isEmpty()) {
            return snippet;
        }
        return "Covers: " + titles(childTitles, maxChars);
    }

    /**
     * The document title and its top-level sections; when the sections are our own page or paragraph groups (their
     * titles say nothing), the title and the start of the text instead.
     */
    public static String ofRoot(String docTitle, List<String> sectionTitles, String firstText, int maxChars) {
        if (!sectionTitles.isEmpty()) {
            return docTitle + " — sections: " + titles(sectionTitles, maxChars * 2) + ".";
        }
        String snippet = TextCuts.snippet(firstText, maxChars);
        return snippet.isEmpty() ? docTitle : docTitle + ": " + snippet;
    }

    private static String titles(List<String> titles, int maxChars) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (String title : titles) {
            if (shown == MAX_TITLES || out.length() + title.length() > maxChars) {
                break;
            }
            if (shown > 0) {
                out.append("; ");
            }
            out.append(title);
            shown++;
        }
        if (shown < titles.size()) {
            out.append(shown == 0 ? "" : "; ").append("and ").append(titles.size() - shown).append(" more");
        }
        return out.toString();
    }
}
