package io.vectorless.query.navigate;

import io.vectorless.schema.tree.TreeNode;
import io.vectorless.search.Queries;
import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** An answer quoted from the chosen sections' best sentences, each quote cited, for when no LLM answers. */
public final class ExtractiveAnswer {
    public static final String NO_LLM_NOTE =
            "(No LLM is configured: this answer is extracted from the best-matching sections.)";
    /** Latin full stops before a capital, CJK full stops anywhere, blank lines. */
    private static final Pattern SENTENCE_END =
            Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\p{N}\"'(\\[])|(?<=[。！？])\\s*|\\n\\s*\\n");
    private static final int MAX_SECTIONS = 3;
    private static final int SENTENCES_PER_SECTION = 2;
    private static final int MAX_SENTENCE_CHARS = 600;

    private ExtractiveAnswer() {
    }

    /**
     * @param note the closing line saying why the answer is extractive
     */
    public static String compose(String question, Selection selection, String note,
                                 Function<String, Set<String>> termsOf) {
        if (selection.sections().isEmpty()) {
            return "I could not find a section that matches the question's terms. Try naming a topic, term or "
                    + "section title that appears in the documents.\n\n" + note;
        }
        Set<String> terms = termsOf.apply(question);
        StringBuilder out = new StringBuilder();
        boolean manyDocs = selection.sections().stream().map(SectionRef::docId).distinct().count() > 1;
        // a heading without text of its own quotes its sub-sections: chosen with one of them, it would repeat it
        Set<String> quoted = new java.util.HashSet<>();
        for (SectionRef ref : selection.sections().subList(0, Math.min(MAX_SECTIONS, selection.sections().size()))) {
            String quote = bestSentences(textOf(ref.node()), terms, termsOf);
            if (quote.isEmpty()) {
                quote = ref.node().summary() == null ? "" : ref.node().summary().strip();
            }
            if (quote.isEmpty() || !quoted.add(quote)) {
                continue;
            }
            out.append("According to ").append(ref.citation());
            if (manyDocs) {
                out.append(" in \"").append(ref.docTitle()).append('"');
            }
            out.append(": ").append(quote).append("\n\n");
        }
        if (out.isEmpty()) {
            out.append("The best-matching sections have no text to quote.\n\n");
        }
        return out.append(note).toString();
    }

    /** The node's own text, or its children's when it has none (a heading with only sub-sections). */
    static String textOf(TreeNode node) {
        if (node.text() != null && !node.text().isBlank()) {
            return node.text();
        }
        StringBuilder text = new StringBuilder();
        for (TreeNode child : node.children()) {
            text.append(textOf(child)).append("\n\n");
        }
        return text.toString();
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(text.strip())) {
            String clean = s.replaceAll("\\s+", " ").strip();
            if (!clean.isEmpty()) {
                out.add(clean.length() > MAX_SENTENCE_CHARS ? clean.substring(0, MAX_SENTENCE_CHARS) + "…" : clean);
            }
        }
        return out;
    }

    private record Scored(int index, String sentence, long score) {
    }

    /** Analysed terms under the documents' analyzers, so a quote is chosen in the documents' own language. */
    public static Function<String, Set<String>> terms(Collection<Analyzer> analyzers) {
        Set<Analyzer> distinct = new LinkedHashSet<>(analyzers);
        return text -> Queries.terms(text, distinct);
    }

    static String bestSentences(String text, Set<String> terms, Function<String, Set<String>> termsOf) {
        List<String> sentences = sentences(text);
        if (sentences.isEmpty()) {
            return "";
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            long score = termsOf.apply(sentences.get(i)).stream().filter(terms::contains).count();
            scored.add(new Scored(i, sentences.get(i), score));
        }
        List<Scored> best = scored.stream().filter(s -> s.score() > 0)
                .sorted(Comparator.comparingLong(Scored::score).reversed().thenComparingInt(Scored::index))
                .limit(SENTENCES_PER_SECTION)
                .sorted(Comparator.comparingInt(Scored::index))
                .toList();
        if (best.isEmpty()) {
            return sentences.get(0);
        }
        return String.join(" ", best.stream().map(Scored::sentence).toList());
    }
}
