package io.vectorless.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Turns a question into Lucene queries: the question is analysed with each language's analyzer in play (a
 * workspace may mix languages), and every term is looked for in each field with the field's weight. Scores are
 * BM25 summed over fields.
 */
public final class Queries {
    /** Sections: own title counts most, then the title path, text, summary, the children's titles. */
    public static final Map<String, Float> SECTION_FIELDS = Map.of(
            IndexFields.TITLE, 1.5f,
            IndexFields.PATH, 1.0f,
            IndexFields.BODY, 1.0f,
            IndexFields.SUMMARY, 0.5f,
            IndexFields.CHILDREN, 0.5f);
    /**
     * Passages across a workspace: their text alone. Within one document the titles over a passage tell its sections
     * apart; across many documents they are shared words (every report has a "Results" chapter) that outweigh the
     * passage's own.
     */
    public static final Map<String, Float> PASSAGE_FIELDS = Map.of(IndexFields.BODY, 1.0f);
    /** Documents by what names them: the title and the opening pages (names, form, period). */
    public static final Map<String, Float> IDENTITY_FIELDS = Map.of(
            IndexFields.TITLE, 2.0f,
            IndexFields.COVER, 1.0f);
    /** Documents by what they are about: overview, section titles, frequent terms. */
    public static final Map<String, Float> CARD_FIELDS = Map.of(
            IndexFields.ROUTING, 1.0f);
    /** How weakly a term that names the document itself (it is on its title or cover) counts inside it. */
    public static final float NAMING_TERM_WEIGHT = 0.3f;
    /** Two question terms within this many positions on a cover ("fiscal 2021": "fiscal year ended ..., 2021"). */
    private static final int PAIR_SLOP = 6;
    private static final int MAX_TERMS = 48;

    private Queries() {
    }

    public static Query sections(String question, Collection<Analyzer> analyzers) {
        return build(question, analyzers, SECTION_FIELDS);
    }

    /**
     * The question's terms a search looks for: its analysed terms less the function words of the question's
     * phrasing ("what", "how", "did", "which") where the analyzer keeps them (see {@link Languages#questionWords});
     * all of them when nothing else is left.
     */
    public static Set<String> questionTerms(String question, Collection<Analyzer> analyzers) {
        Set<String> all = terms(question, analyzers);
        Set<String> content = new LinkedHashSet<>(all);
        for (Analyzer analyzer : analyzers) {
            content.removeAll(Languages.questionWords(analyzer));
        }
        return content.isEmpty() ? all : content;
    }

    /**
     * Sections of one document, where the question's terms that name the document (its company, form, year, as on
     * its title or cover) count little: they chose the document, and inside it they point at the cover and the
     * table of contents rather than at the passage asked about.
     */
    public static Query sections(String question, Collection<Analyzer> analyzers, Set<String> naming) {
        Set<String> terms = questionTerms(question, analyzers);
        if (naming.isEmpty() || naming.containsAll(terms)) {
            return build(question, analyzers, SECTION_FIELDS);
        }
        return build(terms, SECTION_FIELDS, t -> naming.contains(t) ? NAMING_TERM_WEIGHT : 1f);
    }

    /** Passages by their text ({@link #PASSAGE_FIELDS}). */
    public static Query passages(String question, Collection<Analyzer> analyzers) {
        return build(question, analyzers, PASSAGE_FIELDS);
    }

    public static Query cards(String question, Collection<Analyzer> analyzers) {
        return build(question, analyzers, CARD_FIELDS);
    }

    /** Documents by the names their covers state (registrants, trading symbols). */
    public static Query names(String question, Collection<Analyzer> analyzers) {
        return build(question, analyzers, Map.of(IndexFields.NAMES, 1.0f));
    }

    /** Documents by title and cover, with every pair of consecutive question terms also sought close together. */
    public static Query identity(String question, Collection<Analyzer> analyzers) {
        Set<String> terms = questionTerms(question, analyzers);
        if (terms.isEmpty()) {
            return new MatchNoDocsQuery("the question has no searchable terms");
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(build(terms, IDENTITY_FIELDS, t -> 1f), BooleanClause.Occur.SHOULD);
        String previous = null;
        for (String term : terms) {
            if (previous != null) {
                query.add(new PhraseQuery(PAIR_SLOP, IndexFields.COVER, previous, term), BooleanClause.Occur.SHOULD);
            }
            previous = term;
        }
        return query.build();
    }

    /** The distinct terms of a text under the given analyzers. */
    public static Set<String> terms(String text, Collection<Analyzer> analyzers) {
        Set<String> out = new LinkedHashSet<>();
        for (Analyzer analyzer : analyzers) {
            out.addAll(Languages.terms(analyzer, IndexFields.BODY, text));
        }
        return out;
    }

    private static Query build(String question, Collection<Analyzer> analyzers, Map<String, Float> fields) {
        return build(questionTerms(question, analyzers), fields, t -> 1f);
    }

    private static Query build(Set<String> terms, Map<String, Float> fields, ToDoubleFunction<String> weight) {
        if (terms.isEmpty()) {
            return new MatchNoDocsQuery("the question has no searchable terms");
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int n = 0;
        for (String term : terms) {
            if (n++ >= MAX_TERMS) {
                break;
            }
            for (Map.Entry<String, Float> field : fields.entrySet()) {
                query.add(new BoostQuery(new TermQuery(new Term(field.getKey(), term)),
                        (float) (field.getValue() * weight.applyAsDouble(term))), BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }
}
