package io.vectorless.ingest.parse;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by the format readers. */
final class Text {
    /** "2", "2.3", "2.3.1", optionally followed by a dot, then the title. */
    static final Pattern DECIMAL_NUMBERING = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3}){0,5})\\.?\\s+(\\S.*)$");
    static final Pattern CHAPTER = Pattern.compile("^(?i)(chapter|part|section|appendix|annex)\\s+([0-9]+|[A-Z]|[IVXLC]+)\\b[.:]?\\s*(.*)$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Text() {
    }

    /** Whitespace runs (no-break spaces included) become one space; ends trimmed. Hot on large PDFs: no regex. */
    static String oneLine(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = null;
        boolean space = false;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean isSpace = Character.isWhitespace(c) || c == '\u00a0';
            if (out == null && (isSpace && (c != ' ' || i == 0 || i == length - 1 || space))) {
                out = new StringBuilder(length).append(value, 0, i);
            }
            if (out != null) {
                if (isSpace) {
                    if (!space && !out.isEmpty()) {
                        out.append(' ');
                    }
                } else {
                    out.append(c);
                }
            }
            space = isSpace;
        }
        if (out == null) {
            return value;
        }
        int end = out.length();
        return end > 0 && out.charAt(end - 1) == ' ' ? out.substring(0, end - 1) : out.toString();
    }

    /** For matching a title against a line: case, accents, punctuation and spacing do not count. */
    static String key(String value) {
        String folded = isAscii(value) ? value.toLowerCase(Locale.ROOT)
                : Normalizer.normalize(value, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Heading depth implied by the line's numbering, or 0 when it carries none. */
    static int numberingDepth(String line) {
        Matcher decimal = DECIMAL_NUMBERING.matcher(line);
        if (decimal.matches()) {
            return decimal.group(1).split("\\.").length;
        }
        return CHAPTER.matcher(line).matches() ? 1 : 0;
    }

    static boolean isAllCaps(String line) {
        int letters = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetter(c)) {
                if (Character.isLowerCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 3;
    }

    static int words(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() ? 0 : SPACES.split(trimmed).length;
    }

    /** A line that reads like a sentence or a list item rather than a title. */
    static boolean endsLikeSentence(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return true;
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        return last == '.' && !trimmed.matches(".*\\b\\d+(\\.\\d+)*\\.$") || last == ',' || last == ';';
    }

    static String shorten(String value, int max) {
        String clean = oneLine(value);
        if (clean.length() <= max) {
            return clean;
        }
        int cut = clean.lastIndexOf(' ', max);
        return clean.substring(0, cut > max / 2 ? cut : max) + "\u2026";
    }
}
