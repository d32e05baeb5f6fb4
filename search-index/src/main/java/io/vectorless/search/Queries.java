package io.vectorless.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

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
    /** Documents: the title, the opening pages (names, form, period), then overview, section titles, frequent terms. */
    public static final Map<String, Float> CARD_FIELDS = Map.of(
            IndexFields.TITLE, 2.0f,
            IndexFields.COVER, 1.5f,
            IndexFields.ROUTING, 1.0f);
    private static final int MAX_TERMS = 48;

    private Queries() {
    }

    public static Query sections(String question, Collection<Analyzer> analyzers) {
        return build(question, analyzers, SECTION_FIELDS);
    }

    public static Query cards(String question, Collection<Analyzer> analyzers) {
        return build(question, analyzers, CARD_FIELDS);
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
        Set<String> terms = terms(question, analyzers);
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
                query.add(new BoostQuery(new TermQuery(new Term(field.getKey(), term)), field.getValue()),
                        BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }
}
