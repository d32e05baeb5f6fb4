package io.vectorless.indexer.tree;

/** Token estimates and word-boundary cuts of text. */
public final class TextCuts {
    /** The usual rule of thumb for English text and common tokenizers. */
    public static final int CHARS_PER_TOKEN = 4;

    private TextCuts() {
    }

    public static int tokens(long chars) {
        return (int) Math.min(Integer.MAX_VALUE, (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }

    /**
     * The start of {@code text}, whitespace collapsed, at most {@code max} characters, cut after a sentence when one
     * ends in the second half, else at a word boundary (with an ellipsis).
     */
    public static String snippet(String text, int max) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String flat = collapse(text, max * 2 + 2);
        if (flat.length() <= max) {
            return flat;
        }
        int sentence = -1;
        for (int i = max - 1; i >= max / 2; i--) {
            char c = flat.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && i + 1 < flat.length() && flat.charAt(i + 1) == ' ') {
                sentence = i + 1;
                break;
            }
        }
        if (sentence > 0) {
            return flat.substring(0, sentence);
        }
        int space = flat.lastIndexOf(' ', max - 1);
        String cut = space >= max / 2 ? flat.substring(0, space) : flat.substring(0, max - 1);
        return stripTrailingPunctuation(cut) + "…";
    }

    /** Collapses runs of whitespace to one space, reading at most {@code limit} characters of output. */
    static String collapse(String text, int limit) {
        StringBuilder out = new StringBuilder(Math.min(limit, text.length()));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() < limit; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Where to cut {@code text} at or before {@code max}: a paragraph, line, sentence or word end if there is one. */
    static int boundary(String text, int from, int max) {
        int limit = Math.min(text.length(), from + max);
        if (limit >= text.length()) {
            return text.length();
        }
        int floor = from + max / 2;
        for (String separator : new String[]{"\n\n", "\n", ". ", " "}) {
            int at = text.lastIndexOf(separator, limit - separator.length());
            if (at >= floor) {
                return at + separator.length();
            }
        }
        return limit;
    }

    private static String stripTrailingPunctuation(String text) {
        int end = text.length();
        while (end > 0 && ",;:-–—".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end).stripTrailing();
    }
}
