package io.vectorless.search;

import io.vectorless.schema.tree.TreeNode;

import java.util.regex.Pattern;

/**
 * The text a document's routing card is searched by, beyond its section titles: its opening pages (a paper's title
 * and abstract, a filing's cover with the registrant's name, the form and the period) and names written the way
 * file names and web names are ({@code 2021_FY_AMZN.pdf}, {@code AMAZON.COM}) split into the words a question uses.
 */
final class CardText {
    static final int COVER_CHARS = 4_000;
    /** A first page shorter than this (a bare title page) is followed by the next one. */
    private static final int SHORT_PAGE_CHARS = 1_000;
    /** A dot, underscore or hyphen joining letters or digits: the word tokenizer keeps such runs as one token. */
    private static final Pattern JOINED = Pattern.compile("(?<=[\\p{L}\\p{N}])[._](?=[\\p{L}\\p{N}])");

    private CardText() {
    }

    /**
     * The first page with text, and the next ones while what was taken is a bare title page (or, without pages,
     * the first sections' text), at most {@link #COVER_CHARS}.
     */
    static String cover(IndexInput input) {
        StringBuilder out = new StringBuilder();
        for (PageText page : input.pages()) {
            if (page.page() > 0 && !page.text().isBlank()) {
                append(out, page.text());
            }
            if (out.length() >= SHORT_PAGE_CHARS) {
                break;
            }
        }
        if (out.isEmpty()) {
            for (TreeNode node : input.root().flatten()) {
                append(out, node.title() + "\n" + (node.text() == null ? "" : node.text()));
                if (out.length() >= SHORT_PAGE_CHARS) {
                    break;
                }
            }
        }
        return out.length() > COVER_CHARS ? out.substring(0, COVER_CHARS) : out.toString();
    }

    /** The text with joined names also given as separate words ("amazon.com" also as "amazon com"). */
    static String words(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String split = JOINED.matcher(text).replaceAll(" ");
        return split.equals(text) ? text : text + "\n" + split;
    }

    private static void append(StringBuilder out, String text) {
        out.append(out.isEmpty() ? "" : "\n").append(text.strip());
    }
}
