package io.vectorless.bench;

import io.vectorless.indexer.search.PageTexts;
import io.vectorless.indexer.tree.BuiltTree;
import io.vectorless.indexer.tree.TreeBuilder;
import io.vectorless.indexer.tree.TreeOptions;
import io.vectorless.ingest.parse.DocumentParser;
import io.vectorless.ingest.parse.ImageSink;
import io.vectorless.ingest.parse.ParseLimits;
import io.vectorless.ingest.parse.SourceFile;
import io.vectorless.query.answer.QueryAnswer;
import io.vectorless.query.answer.QueryEngine;
import io.vectorless.query.answer.QueryRequest;
import io.vectorless.query.answer.QuerySource;
import io.vectorless.query.navigate.DocumentCard;
import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.search.IndexInput;
import io.vectorless.search.Languages;
import io.vectorless.search.PageText;
import io.vectorless.search.SearchIndexWriter;
import io.vectorless.support.llm.DisabledLlmClient;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retrieval quality without an LLM on real manuals, against BM25 over single pages at the same page budget.
 *
 * <p>The question set comes from the manuals themselves: a Texinfo manual's concept index is a list, written by its
 * authors, of topics and the printed pages that discuss them. Each entry becomes a question ("What does the manual
 * say about TOPIC?") whose evidence pages are the entry's pages (printed page numbers mapped to physical pages by
 * the running heads). The index pages themselves are removed from the document before indexing, so neither method
 * can answer from the index. A question is a hit when one of the chosen pages is an evidence page. The navigator
 * runs through the query engine as query-service runs it; the baseline is Lucene BM25 (English analyzer) over
 * page texts, given as many pages as the navigator used, and given 5 pages. Finally all manuals go into one
 * workspace and each question is asked there, to measure routing.
 *
 * <pre>java -cp $CP io.vectorless.bench.RetrievalQualityBenchmark R-intro.pdf R-admin.pdf ...</pre>
 * (the R manuals are in Debian's {@code r-doc-pdf} package, under /usr/share/R/doc/manual)
 */
public final class RetrievalQualityBenchmark {
    private static final Pattern ENTRY = Pattern.compile("^(.+?)\\s*(?:\\.\\s*){3,}\\s*(\\d+(?:\\s*,\\s*\\d+)*)\\s*$");
    /** A running head ending in the printed page number, or the number alone on the first line. */
    private static final Pattern HEAD = Pattern.compile("^(?:.*\\S\\s+)?(\\d{1,4})\\s*$");
    private static final int BUDGET = 5;
    private static final EnglishAnalyzer ENGLISH = new EnglishAnalyzer();

    private record Question(long docId, String text, Set<Integer> evidence) {
    }

    private record Manual(long id, String name, DocumentSearchIndex index, ByteBuffersDirectory pages,
                          List<Question> questions) {
    }

    public static void main(String[] args) throws Exception {
        List<Manual> manuals = new ArrayList<>();
        try (DocumentParser parser = new DocumentParser(ParseLimits.defaults().withTimeout(Duration.ofMinutes(10)))) {
            long id = 1;
            for (String arg : args) {
                Manual manual = load(id++, Path.of(arg), parser);
                if (manual != null) {
                    manuals.add(manual);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-14s %5s %9s %12s %14s %11s%n", "manual", "qs", "tree hit", "median pages",
                "page-BM25 same", "page-BM25@5");
        int total = 0, tree = 0, same = 0, five = 0;
        List<Integer> budgets = new ArrayList<>();
        for (Manual manual : manuals) {
            QueryEngine engine = engine(List.of(manual));
            int t = 0, s = 0, f = 0;
            List<Integer> used = new ArrayList<>();
            IndexSearcher pages = new IndexSearcher(DirectoryReader.open(manual.pages()));
            for (Question q : manual.questions()) {
                Set<Integer> chosen = chosenPages(engine.answer(new QueryRequest(1, q.text(), List.of()), null),
                        manual.id());
                used.add(chosen.size());
                t += hit(chosen, q.evidence()) ? 1 : 0;
                s += hit(bm25(pages, q.text(), Math.max(1, chosen.size())), q.evidence()) ? 1 : 0;
                f += hit(bm25(pages, q.text(), BUDGET), q.evidence()) ? 1 : 0;
            }
            int n = manual.questions().size();
            System.out.printf(Locale.ROOT, "%-14s %5d %8.1f%% %12d %13.1f%% %10.1f%%%n", manual.name(), n,
                    100.0 * t / n, median(used), 100.0 * s / n, 100.0 * f / n);
            total += n;
            tree += t;
            same += s;
            five += f;
            budgets.addAll(used);
        }
        System.out.printf(Locale.ROOT, "%-14s %5d %8.1f%% %12d %13.1f%% %10.1f%%%n", "all", total,
                100.0 * tree / total, median(budgets), 100.0 * same / total, 100.0 * five / total);
        workspace(manuals);
    }

    /** Every manual in one workspace: is the question's manual routed, and is its evidence found? */
    private static void workspace(List<Manual> manuals) {
        QueryEngine engine = engine(manuals);
        int total = 0, routed = 0, found = 0;
        for (Manual manual : manuals) {
            for (Question q : manual.questions()) {
                QueryAnswer answer = engine.answer(new QueryRequest(1, q.text(), List.of()), null);
                total++;
                routed += answer.routedDocs().stream().anyMatch(d -> d.docId() == manual.id()) ? 1 : 0;
                found += hit(chosenPages(answer, manual.id()), q.evidence()) ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "one workspace of %d manuals: own manual routed %.1f%%, evidence found %.1f%%%n",
                manuals.size(), 100.0 * routed / total, 100.0 * found / total);
    }

    private static QueryEngine engine(List<Manual> manuals) {
        Map<Long, DocumentSearchIndex> indexes = new LinkedHashMap<>();
        manuals.forEach(m -> indexes.put(m.id(), m.index()));
        return engine(indexes, BUDGET);
    }

    /** A no-LLM query engine over ready indexes, as query-service runs it, with a page budget of {@code budget}. */
    static QueryEngine engine(Map<Long, DocumentSearchIndex> indexes, int budget) {
        QuerySource source = new QuerySource() {
            public List<DocumentCard> answerableDocuments(long workspaceId) {
                return indexes.entrySet().stream()
                        .map(e -> new DocumentCard(e.getKey(), 1, e.getValue().docTitle(), "", List.of())).toList();
            }

            public Optional<DocumentSearchIndex> index(DocumentCard card) {
                return Optional.ofNullable(indexes.get(card.docId()));
            }

            public Optional<byte[]> image(String key) {
                return Optional.empty();
            }
        };
        return new QueryEngine(source, new DisabledLlmClient(),
                new QueryEngine.Settings(3, 5, 20, 24_000, 0, 16_000, 6, budget), Executors.newFixedThreadPool(1));
    }

    private static Manual load(long id, Path file, DocumentParser parser) throws Exception {
        byte[] pdf = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        ParsedDocument parsed = parser.parse(pdf, new SourceFile(1, id, 1, name, "application/pdf"),
                ImageSink.DISCARD);
        // running heads and index pages are what the parser drops on purpose: read them from the raw text layer
        Map<Integer, String> text = rawPages(pdf);
        Map<Integer, Integer> physical = new HashMap<>();
        int firstIndexPage = Integer.MAX_VALUE;
        List<String[]> entries = new ArrayList<>();
        for (int p = 1; p <= parsed.pageCount(); p++) {
            String page = text.getOrDefault(p, "");
            String head = page.lines().limit(2).reduce((a, b) -> a + " " + b).orElse("");
            String first = page.lines().findFirst().orElse("");
            Matcher number = HEAD.matcher(first);
            if (number.matches()) {
                physical.putIfAbsent(Integer.parseInt(number.group(1)), p);
            }
            if (head.toLowerCase(Locale.ROOT).contains("concept index")) {
                firstIndexPage = Math.min(firstIndexPage, p);
                for (String line : page.lines().toList()) {
                    Matcher entry = ENTRY.matcher(line.strip());
                    if (entry.matches()) {
                        entries.add(new String[]{entry.group(1).strip(), entry.group(2)});
                    }
                }
            } else if (head.toLowerCase(Locale.ROOT).matches(".*appendix [a-z]:? .*index.*")) {
                firstIndexPage = Math.min(firstIndexPage, p);
            }
        }
        List<Question> questions = new ArrayList<>();
        for (String[] entry : entries) {
            Set<Integer> evidence = new LinkedHashSet<>();
            for (String printed : entry[1].split("\\s*,\\s*")) {
                Integer p = physical.get(Integer.parseInt(printed));
                if (p != null && p < firstIndexPage) {
                    evidence.add(p);
                }
            }
            if (!evidence.isEmpty() && entry[0].length() > 2) {
                questions.add(new Question(id, "What does the manual say about " + entry[0] + "?", evidence));
            }
        }
        if (questions.isEmpty()) {
            System.out.println(name + ": no concept index found, skipped");
            return null;
        }
        int cut = firstIndexPage;
        List<Block> kept = parsed.blocks().stream().filter(b -> b.page() < cut).toList();
        ParsedDocument withoutIndex = new ParsedDocument(parsed.schemaVersion(), id, 1, parsed.format(),
                parsed.title(), Math.min(parsed.pageCount(), cut - 1), parsed.structureSource(), kept, List.of(),
                parsed.metadata(), parsed.warnings());
        BuiltTree tree = new TreeBuilder(TreeOptions.defaults()).build(withoutIndex, name);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        List<PageText> pages = PageTexts.of(withoutIndex);
        SearchIndexWriter.write(new IndexInput(id, 1, tree.docTitle(), tree.root(), pages), directory);
        return new Manual(id, name.replace(".pdf", ""), DocumentSearchIndex.open(directory), pageIndex(pages),
                questions);
    }

    private static Map<Integer, String> rawPages(byte[] pdf) throws java.io.IOException {
        Map<Integer, String> out = new HashMap<>();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                out.put(p, stripper.getText(doc));
            }
        }
        return out;
    }

    private static ByteBuffersDirectory pageIndex(List<PageText> pages) throws Exception {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ENGLISH))) {
            for (PageText page : pages) {
                Document doc = new Document();
                doc.add(new StoredField("page", page.page()));
                doc.add(new TextField("body", page.text(), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        return directory;
    }

    private static Set<Integer> bm25(IndexSearcher searcher, String question, int k) throws Exception {
        Set<Integer> out = new LinkedHashSet<>();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : new LinkedHashSet<>(Languages.terms(ENGLISH, "body", question))) {
            query.add(new TermQuery(new Term("body", term)), BooleanClause.Occur.SHOULD);
        }
        for (ScoreDoc hit : searcher.search(query.build(), k).scoreDocs) {
            out.add(searcher.storedFields().document(hit.doc).getField("page").numericValue().intValue());
        }
        return out;
    }

    /** Every page the answer's sources in document {@code docId} cover. */
    static Set<Integer> chosenPages(QueryAnswer answer, long docId) {
        Set<Integer> out = new LinkedHashSet<>();
        for (QueryAnswer.Source source : answer.sources()) {
            if (source.docId() != docId || source.pages().isEmpty()) {
                continue;
            }
            String[] range = source.pages().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            for (int p = from; p <= to; p++) {
                out.add(p);
            }
        }
        return out;
    }

    static boolean hit(Set<Integer> chosen, Set<Integer> evidence) {
        return chosen.stream().anyMatch(evidence::contains);
    }

    static int median(List<Integer> values) {
        List<Integer> sorted = new ArrayList<>(values);
        sorted.sort(Integer::compare);
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}
