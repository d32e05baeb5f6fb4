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

    private final List<DocumentSearchIndex> documents;
    private final IndexSearcher cards;
    private final IndexSearcher passages;
    private final int[] starts;
    private final Set<Analyzer> analyzers;

    /**
     * A document's routing evidence: how well its title and cover name what the question names ({@code identity}),
     * how well its overview, section titles and frequent terms match ({@code card}), its best passages' scores.
     */
    public record DocumentScore(DocumentSearchIndex document, double identity, double card, double passages) {
    }

    public WorkspaceIndex(List<DocumentSearchIndex> documents) {
        this.documents = List.copyOf(documents);
        this.analyzers = new LinkedHashSet<>();
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

    public List<DocumentSearchIndex> documents() {
        return documents;
    }

    /** Every document with any evidence, unordered: the caller decides how to weigh cards and passages. */
    public List<DocumentScore> score(String question) {
        Map<Integer, double[]> byDocument = new LinkedHashMap<>();
        try {
            for (ScoreDoc hit : cards.search(Queries.cards(question, analyzers), documents.size()).scoreDocs) {
                int i = cards.storedFields().document(hit.doc).getField("i").numericValue().intValue();
                byDocument.computeIfAbsent(i, k -> new double[PASSAGES_PER_DOCUMENT + 3])[0] = hit.score;
            }
            for (ScoreDoc hit : cards.search(Queries.identity(question, analyzers), documents.size()).scoreDocs) {
                int i = cards.storedFields().document(hit.doc).getField("i").numericValue().intValue();
                byDocument.computeIfAbsent(i, k -> new double[PASSAGES_PER_DOCUMENT + 3])[PASSAGES_PER_DOCUMENT + 2]
                        = hit.score;
            }
            TopDocs top = passages.search(Queries.sections(question, analyzers), PASSAGE_HITS);
            for (ScoreDoc hit : top.scoreDocs) {
                int i = Arrays.binarySearch(starts, hit.doc);
                i = i >= 0 ? i : -i - 2;
                while (i + 1 < starts.length - 1 && starts[i + 1] == hit.doc) {
                    i++;
                }
                double[] scores = byDocument.computeIfAbsent(i, k -> new double[PASSAGES_PER_DOCUMENT + 3]);
                int taken = (int) scores[PASSAGES_PER_DOCUMENT + 1];
                if (taken < PASSAGES_PER_DOCUMENT) {
                    scores[1] += hit.score / PASSAGES_PER_DOCUMENT;
                    scores[PASSAGES_PER_DOCUMENT + 1] = taken + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DocumentScore> out = new ArrayList<>();
        byDocument.forEach((i, s) -> out.add(new DocumentScore(documents.get(i), s[PASSAGES_PER_DOCUMENT + 2], s[0],
                s[1])));
        return out;
    }
}
