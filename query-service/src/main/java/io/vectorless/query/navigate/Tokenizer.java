package io.vectorless.query.navigate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lowercases, splits on anything that is not a letter or digit, drops a small set of English stopwords and strips
 * common suffixes, so "Encryption" and "encrypted" meet at the same stem. Queries and sections go through the same
 * steps, so the stems only need to agree with each other, not be real words.
 */
public final class Tokenizer {
    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do", "does",
            "for", "from", "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "of",
            "on", "or", "our", "should", "so", "than", "that", "the", "their", "them", "then", "there", "these",
            "they", "this", "those", "to", "us", "was", "we", "were", "what", "when", "where", "which", "who", "whom",
            "why", "will", "with", "would", "you", "your", "about", "tell", "please", "any", "all", "also",
            "s", "t", "he", "she", "his", "her", "not", "no", "yes", "such", "use", "used", "using");

    private Tokenizer() {
    }

    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (raw.isEmpty() || STOPWORDS.contains(raw)) {
                continue;
            }
            out.add(stem(raw));
        }
        return out;
    }

    static boolean isStopword(String word) {
        return STOPWORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    static String stem(String word) {
        if (word.length() <= 3 || Character.isDigit(word.charAt(0))) {
            return word;
        }
        String w = word;
        if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("sses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("ing") && w.length() > 5) {
            w = w.substring(0, w.length() - 3);
        } else if (w.endsWith("ed") && w.length() > 4) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("ly") && w.length() > 4) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("ion") && w.length() > 5) {
            w = w.substring(0, w.length() - 3);
        }
        if (w.endsWith("e") && w.length() > 4) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }
}
