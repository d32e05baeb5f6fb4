package io.vectorless.query.navigate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Resolves follow-up questions for the lexical navigator: "and what about its key size?" says little on its own, so
 * the previous user question's key terms are appended when the new question is short or leans on an earlier one.
 */
public final class FollowUps {
    private static final Set<String> ANAPHORA = Set.of("it", "its", "this", "that", "these", "those", "they",
            "them", "their", "he", "she", "him", "her", "there", "same", "above", "former", "latter", "one", "ones");
    private static final List<String> CONTINUATIONS = List.of("and ", "also ", "what about", "how about", "and what",
            "then ", "why ", "more ", "tell me more", "elaborate", "explain");
    private static final int SHORT_QUESTION_TERMS = 3;

    private FollowUps() {
    }

    public static boolean isFollowUp(String question) {
        String q = question.toLowerCase(Locale.ROOT).strip();
        if (Tokenizer.tokens(q).size() <= SHORT_QUESTION_TERMS) {
            return true;
        }
        for (String prefix : CONTINUATIONS) {
            if (q.startsWith(prefix)) {
                return true;
            }
        }
        for (String word : q.split("[^\\p{L}]+")) {
            if (ANAPHORA.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The question to search with: the question itself, plus the previous user question's terms for a follow-up. */
    public static String searchText(String question, List<Turn> history) {
        if (history == null || history.isEmpty() || !isFollowUp(question)) {
            return question;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            Turn turn = history.get(i);
            if (turn.fromUser() && turn.content() != null && !turn.content().isBlank()) {
                return question + " " + keyTerms(turn.content());
            }
        }
        return question;
    }

    static String keyTerms(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !Tokenizer.isStopword(word) && !ANAPHORA.contains(word)) {
                words.add(word);
            }
        }
        return String.join(" ", new ArrayList<>(words));
    }
}
