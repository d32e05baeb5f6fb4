package io.vectorless.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search side of a workspace: a small index of document cards (title, overview, section titles, frequent
 * terms) and every document's passages searched together, so that term weights are the workspace's. Built from
 * already-open document indexes, in memory, in milliseconds; valid while the set of indexed versions is the same.
 */
public final class WorkspaceIndex {
    private static final int PASSAGE_HITS = 300;
    private static final int PASSAGES_PER_DOCUMENT = 3;
    private static final int CARD = 0;
    private static final int PASSAGES = 1;
    private static final int TAKEN = 2;
    private static final int IDENTITY = 3;
    private static final int NAMES = 4;
    private static final int PERIOD = 5;
    private static final int FORM = 6;
    private static final int SLOTS = 7;

    private final List<DocumentSearchIndex> documents;
    private final IndexSearcher cards;
    private final IndexSearcher passages;
    private final int[] starts;
    private final Set<Analyzer> analyzers;
    private final List<DocumentFacts> facts;

    /**
     * A document's routing evidence: how well its title and cover name what the question names, leaving out the
     * period and form ({@code identity}); how well the registrant names and trading symbols on its cover do
     * ({@code names}); how well the period and form the question names fit the ones its cover states, 0..1
     * ({@code period}, {@code form}); how well its overview, section titles and frequent terms match
     * ({@code card}); its best passages' scores.
     */
    public record DocumentScore(DocumentSearchIndex document, double identity, double names, double period,
                                double form, double card, double passages) {
    }

    /**
     * One hit of the workspace-wide passage search: which document ({@link #documents()} position), the hit's Lucene
     * document number inside that document's own index, and its BM25 score under the workspace's term statistics
     * (so scores compare across documents).
     */
    public record PassageHit(int document, int doc, float score) {
    }

    /** The routing evidence of every document with any, and the workspace-wide passage hits, best first. */
    public record Search(List<DocumentScore> documents, List<PassageHit> passages) {
    }

    public WorkspaceIndex(List<DocumentSearchIndex> documents) {
        this.documents = List.copyOf(documents);
        this.analyzers = new LinkedHashSet<>();
        this.facts = documents.stream().map(d -> DocumentFacts.of(d.docTitle(), d.cover())).toList();
        documents.forEach(d -> analyzers.add(d.analyzer()));
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        // each card is analysed with its own document's analyzer up front; the writer only splits on spaces
        IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < documents.size(); i++) {
                DocumentSearchIndex d = documents.get(i);
                Analyzer analyzer = d.analyzer();
                Document card = new Document();
                card.add(new StoredField("i", i));
                card.add(new TextField(IndexFields.TITLE, analysed(analyzer, CardText.words(d.docTitle())),
                        Field.Store.NO));
                card.add(new TextField(IndexFields.COVER, analysed(analyzer, CardText.words(d.cover())),
                        Field.Store.NO));
                card.add(new TextField(IndexFields.NAMES, analysed(analyzer, CardText.words(facts.get(i)
                        .namesText())), Field.Store.NO));
                String routing = String.join("\n", d.overview(), String.join("\n", d.sectionTitles()), d.terms());
                card.add(new TextField(IndexFields.ROUTING, analysed(analyzer, routing), Field.Store.NO));
                writer.addDocument(card);
            }
            writer.commit();
            this.cards = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IndexReader[] readers = documents.stream().map(DocumentSearchIndex::reader).toArray(IndexReader[]::new);
        this.starts = new int[readers.length + 1];
        for (int i = 0; i < readers.length; i++) {
            starts[i + 1] = starts[i] + readers[i].maxDoc();
        }
        try {
            this.passages = new IndexSearcher(new MultiReader(readers, false));
            this.passages.setQueryCache(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String analysed(Analyzer analyzer, String text) {
        return String.join(" ", Languages.terms(analyzer, IndexFields.BODY, text));
    }

    /** The analyzers of the workspace's languages, which a question is analysed with. */
    public Set<Analyzer> analyzers() {
        return java.util.Collections.unmodifiableSet(analyzers);
    }

    public List<DocumentSearchIndex> documents() {
        return documents;
    }

    /** What the cover of each document states as fields, in {@link #documents()} order. */
    public List<DocumentFacts> facts() {
        return facts;
    }

    /** Every document with any evidence, unordered: the caller decides how to weigh the kinds of evidence. */
    public List<DocumentScore> score(String question) {
        return search(question).documents();
    }

    /**
     * Every document with any evidence (unordered), and the passages (sections and pages of all documents searched
     * together) that matched, best first: one passage search serves both routing and choosing places.
     */
    public Search search(String question) {
        QuestionFacts asked = QuestionFacts.of(question);
        Map<Integer, double[]> byDocument = new LinkedHashMap<>();
        List<PassageHit> hits = new ArrayList<>();
        try {
            collect(byDocument, CARD, cards.search(Queries.cards(question, analyzers), documents.size()));
            collect(byDocument, IDENTITY, cards.search(Queries.identity(asked.rest(), analyzers), documents.size()));
            collect(byDocument, NAMES, cards.search(Queries.names(asked.rest(), analyzers), documents.size()));
            TopDocs top = passages.search(Queries.sections(question, analyzers), PASSAGE_HITS);
            for (ScoreDoc hit : top.scoreDocs) {
                int i = owner(hit.doc);
                hits.add(new PassageHit(i, hit.doc - starts[i], hit.score));
                double[] scores = byDocument.computeIfAbsent(i, k -> new double[SLOTS]);
                if (scores[TAKEN] < PASSAGES_PER_DOCUMENT) {
                    scores[PASSAGES] += hit.score / PASSAGES_PER_DOCUMENT;
                    scores[TAKEN]++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (asked.namesPeriodOrForm()) {
            for (int i = 0; i < documents.size(); i++) {
                double period = facts.get(i).period(asked);
                double form = facts.get(i).form(asked);
                if (period > 0 || form > 0) {
                    double[] scores = byDocument.computeIfAbsent(i, k -> new double[SLOTS]);
                    scores[PERIOD] = period;
                    scores[FORM] = form;
                }
            }
        }
        List<DocumentScore> out = new ArrayList<>();
        byDocument.forEach((i, s) -> out.add(new DocumentScore(documents.get(i), s[IDENTITY], s[NAMES], s[PERIOD],
                s[FORM], s[CARD], s[PASSAGES])));
        return new Search(out, List.copyOf(hits));
    }

    /** The workspace-wide hits of a passage query ({@link Queries#passages}), best first. */
    public List<PassageHit> passages(org.apache.lucene.search.Query query) {
        List<PassageHit> out = new ArrayList<>();
        try {
            for (ScoreDoc hit : passages.search(query, PASSAGE_HITS).scoreDocs) {
                int i = owner(hit.doc);
                out.add(new PassageHit(i, hit.doc - starts[i], hit.score));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The position in {@link #documents()} of the document a workspace-wide hit belongs to. */
    private int owner(int doc) {
        int i = Arrays.binarySearch(starts, doc);
        i = i >= 0 ? i : -i - 2;
        while (i + 1 < starts.length - 1 && starts[i + 1] == doc) {
            i++;
        }
        return i;
    }

    private void collect(Map<Integer, double[]> byDocument, int slot, TopDocs hits) throws IOException {
        for (ScoreDoc hit : hits.scoreDocs) {
            int i = cards.storedFields().document(hit.doc).getField("i").numericValue().intValue();
            byDocument.computeIfAbsent(i, k -> new double[SLOTS])[slot] = hit.score;
        }
    }
}
