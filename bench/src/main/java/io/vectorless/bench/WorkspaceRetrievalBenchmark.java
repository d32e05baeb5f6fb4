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
import io.vectorless.schema.EventJson;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.search.IndexInput;
import io.vectorless.search.Languages;
import io.vectorless.search.PageText;
import io.vectorless.search.SearchIndexWriter;
import org.apache.lucene.analysis.CharArraySet;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.vectorless.bench.RetrievalQualityBenchmark.chosenPages;
import static io.vectorless.bench.RetrievalQualityBenchmark.hit;
import static io.vectorless.bench.RetrievalQualityBenchmark.median;

/**
 * Retrieval without an LLM over the real corpus ({@code bench/real-corpus.sh}: 10-K/10-Q filings, agency reports and
 * trial protocols, papers, manuals), with questions assembled from the documents' own text, against BM25 over single
 * pages at the same page budget.
 *
 * <p>A question is made from one sentence of a page (10-45 words of running prose, not a table): a seeded random
 * subset of about 60% of its content words, numbers dropped, in the sentence's order. Only sentences that occur in no
 * other document of the corpus are used (compared without digits, so a filing's boilerplate repeated next year is
 * never a question), which makes the question's own document well defined; its evidence pages are the pages of that
 * document holding the sentence. Questions about a filing name the company and the period as a reader would
 * ("In Amazon's 10-K for fiscal 2021, ..."), taken from the file name; other questions name nothing.
 *
 * <p>Measured per kind: (1) each document alone: the navigator's chosen pages hold an evidence page (hit), pages
 * used, and page-BM25 given the same number of pages and 5 pages; (2) every document in one workspace: the
 * question's own document among {@code routed_docs}, evidence found, and page-BM25 over all pages at 5 pages.
 * Parsed documents are cached as JSON in {@code cache-dir} so that re-runs only rebuild trees and indexes.
 *
 * <pre>java -Xmx3g [-Dverbose=true] [-Dskip=HHS2022,...] [-Dsingle=false] -cp $CP io.vectorless.bench.WorkspaceRetrievalBenchmark [corpus=/work/corpus] [questions-per-doc=6]
 *     [cache-dir=/tmp/vectorless-parsed] [kinds=tenk,papers,manuals,reports]</pre>
 */
public final class WorkspaceRetrievalBenchmark {
    private static final List<String> ALL_KINDS = List.of("tenk", "papers", "manuals", "reports");
    private static List<String> kinds = ALL_KINDS;
    private static final int BUDGET = 5;
    private static final boolean VERBOSE = Boolean.getBoolean("verbose");
    /** Documents left out by name (e.g. a scanned report whose OCR takes minutes a page on a small machine). */
    private static final Set<String> SKIP = Set.of(System.getProperty("skip", "").split(","));
    private static final EnglishAnalyzer ENGLISH = new EnglishAnalyzer();
    private static final CharArraySet STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z(])");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]");
    private static final Pattern FY = Pattern.compile("(\\d{4})_FY_([A-Z]+)");
    private static final Pattern TENQ = Pattern.compile("10Q_(\\d{4})_(Q\\d)_([A-Z]+)");
    private static final Pattern OTHER_10K = Pattern.compile("([a-z]+)_(\\d{4})");
    private static final Map<String, String> COMPANIES = Map.of("AMZN", "Amazon", "APPL", "Apple", "AAPL", "Apple",
            "GOOGL", "Alphabet", "MSFT", "Microsoft", "NVDA", "NVIDIA", "INTC", "Intel", "lyft", "Lyft",
            "uber", "Uber");

    record Question(Doc doc, String text, Set<Integer> evidence) {
    }

    record Doc(long id, String kind, String name, DocumentSearchIndex index, List<PageText> pages,
               List<Question> questions) {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "/work/corpus");
        int perDoc = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Path cache = Path.of(args.length > 2 ? args[2] : "/tmp/vectorless-parsed");
        kinds = args.length > 3 ? List.of(args[3].split(",")) : ALL_KINDS;
        Files.createDirectories(cache);
        List<Doc> docs = new ArrayList<>();
        Map<Long, List<PageText>> texts = new LinkedHashMap<>();
        try (DocumentParser parser = new DocumentParser(ParseLimits.defaults().withTimeout(Duration.ofMinutes(10)))) {
            long id = 1;
            for (String kind : kinds) {
                List<Path> files;
                try (Stream<Path> list = Files.list(corpus.resolve(kind))) {
                    files = list.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
                }
                for (Path file : files) {
                    if (SKIP.contains(file.getFileName().toString().replace(".pdf", ""))) {
                        System.out.println(file.getFileName() + ": skipped (-Dskip)");
                        continue;
                    }
                    Doc doc = load(id++, kind, file, parser, cache);
                    if (doc != null) {
                        docs.add(doc);
                        texts.put(doc.id(), doc.pages());
                    }
                }
            }
        }
        Map<Long, Set<String>> sentenceKeys = new HashMap<>();
        for (Doc doc : docs) {
            Set<String> keys = new HashSet<>();
            for (PageText page : doc.pages()) {
                for (String s : SENTENCE_END.split(page.text())) {
                    keys.add(key(s));
                }
            }
            sentenceKeys.put(doc.id(), keys);
        }
        List<Doc> withQuestions = new ArrayList<>();
        for (Doc doc : docs) {
            withQuestions.add(new Doc(doc.id(), doc.kind(), doc.name(), doc.index(), doc.pages(),
                    questions(doc, perDoc, sentenceKeys)));
        }
        if (!"false".equals(System.getProperty("single"))) {
            single(withQuestions);
        }
        workspace(withQuestions);
    }

    /** Each document alone: does the tree beat BM25 over its pages at the same budget? */
    private static void single(List<Doc> docs) throws Exception {
        System.out.printf(Locale.ROOT, "%-9s %5s %5s %9s %6s %14s %11s%n", "kind", "docs", "qs", "tree hit", "pages",
                "page-BM25 same", "page-BM25@5");
        int[] all = new int[4];
        List<Integer> allUsed = new ArrayList<>();
        for (String kind : kinds) {
            int[] n = new int[4];
            List<Integer> used = new ArrayList<>();
            int count = 0;
            for (Doc doc : docs) {
                if (!doc.kind().equals(kind) || doc.questions().isEmpty()) {
                    continue;
                }
                count++;
                QueryEngine engine = engine(List.of(doc));
                IndexSearcher pages = new IndexSearcher(DirectoryReader.open(pageIndex(List.of(doc))));
                for (Question q : doc.questions()) {
                    Set<Integer> chosen = chosenPages(engine.answer(new QueryRequest(1, q.text(), List.of()), null),
                            doc.id());
                    used.add(chosen.size());
                    n[0]++;
                    n[1] += hit(chosen, q.evidence()) ? 1 : 0;
                    if (VERBOSE && !hit(chosen, q.evidence())) {
                        System.out.println("  miss " + doc.name() + ": " + q.text() + " evidence " + q.evidence()
                                + " chosen " + chosen + " page-BM25 " + bm25(pages, q.text(), BUDGET, doc.id()));
                    }
                    n[2] += hit(bm25(pages, q.text(), Math.max(1, chosen.size()), doc.id()), q.evidence()) ? 1 : 0;
                    n[3] += hit(bm25(pages, q.text(), BUDGET, doc.id()), q.evidence()) ? 1 : 0;
                }
            }
            if (n[0] > 0) {
                print(kind, count, n, used);
            }
            for (int i = 0; i < 4; i++) {
                all[i] += n[i];
            }
            allUsed.addAll(used);
        }
        print("all", docs.size(), all, allUsed);
    }

    private static void print(String kind, int docs, int[] n, List<Integer> used) {
        System.out.printf(Locale.ROOT, "%-9s %5d %5d %8.1f%% %6d %13.1f%% %10.1f%%%n", kind, docs, n[0],
                100.0 * n[1] / n[0], median(used), 100.0 * n[2] / n[0], 100.0 * n[3] / n[0]);
    }

    /** Every document in one workspace: is the question's document routed, and is its evidence found? */
    private static void workspace(List<Doc> docs) throws Exception {
        QueryEngine engine = engine(docs);
        IndexSearcher pages = new IndexSearcher(DirectoryReader.open(pageIndex(docs)));
        int pageCount = docs.stream().mapToInt(d -> d.pages().size()).sum();
        System.out.printf(Locale.ROOT, "one workspace of %d documents, %d pages (own document among routed_docs; "
                + "evidence page chosen; page-BM25 over all pages at %d pages)%n", docs.size(), pageCount, BUDGET);
        System.out.printf(Locale.ROOT, "%-9s %5s %8s %9s %11s %9s%n", "kind", "qs", "routed", "found", "page-BM25@5",
                "p50 ms");
        int[] all = new int[4];
        List<Long> allTimes = new ArrayList<>();
        for (String kind : kinds) {
            int[] n = new int[4];
            List<Long> times = new ArrayList<>();
            for (Doc doc : docs) {
                if (!doc.kind().equals(kind)) {
                    continue;
                }
                for (Question q : doc.questions()) {
                    long start = System.nanoTime();
                    QueryAnswer answer = engine.answer(new QueryRequest(1, q.text(), List.of()), null);
                    times.add((System.nanoTime() - start) / 1_000_000);
                    n[0]++;
                    boolean routed = answer.routedDocs().stream().anyMatch(d -> d.docId() == doc.id());
                    n[1] += routed ? 1 : 0;
                    if (VERBOSE && !routed) {
                        System.out.println("  not routed " + doc.name() + ": " + q.text() + " -> "
                                + answer.routingReasoning());
                    }
                    boolean found = hit(chosenPages(answer, doc.id()), q.evidence());
                    n[2] += found ? 1 : 0;
                    if (VERBOSE && routed && !found) {
                        System.out.println("  routed, not found " + doc.name() + ": " + q.text() + " evidence "
                                + q.evidence() + " chosen " + answer.sources().stream().map(s -> s.docTitle() + " p"
                                + s.pages()).toList());
                    }
                    n[3] += hit(bm25(pages, q.text(), BUDGET, doc.id()), q.evidence()) ? 1 : 0;
                }
            }
            if (n[0] > 0) {
                System.out.printf(Locale.ROOT, "%-9s %5d %7.1f%% %8.1f%% %10.1f%% %9d%n", kind, n[0],
                        100.0 * n[1] / n[0], 100.0 * n[2] / n[0], 100.0 * n[3] / n[0], medianLong(times));
            }
            for (int i = 0; i < 4; i++) {
                all[i] += n[i];
            }
            allTimes.addAll(times);
        }
        System.out.printf(Locale.ROOT, "%-9s %5d %7.1f%% %8.1f%% %10.1f%% %9d%n", "all", all[0],
                100.0 * all[1] / all[0], 100.0 * all[2] / all[0], 100.0 * all[3] / all[0], medianLong(allTimes));
    }

    /** Sentences of running prose unique to this document, turned into questions. */
    static List<Question> questions(Doc doc, int perDoc, Map<Long, Set<String>> keys) {
        List<String[]> candidates = new ArrayList<>();
        for (PageText page : doc.pages()) {
            if (page.page() <= 1) {
                continue;
            }
            for (String s : SENTENCE_END.split(page.text())) {
                String sentence = s.replaceAll("\\s+", " ").strip();
                if (prose(sentence) && unique(doc.id(), key(sentence), keys)) {
                    candidates.add(new String[]{sentence, Integer.toString(page.page())});
                }
            }
        }
        Random random = new Random(doc.name().hashCode());
        java.util.Collections.shuffle(candidates, random);
        List<Question> out = new ArrayList<>();
        for (String[] c : candidates) {
            if (out.size() >= perDoc) {
                break;
            }
            String k = key(c[0]);
            Set<Integer> evidence = new LinkedHashSet<>();
            for (PageText page : doc.pages()) {
                if (key(page.text()).contains(k)) {
                    evidence.add(page.page());
                }
            }
            if (evidence.isEmpty()) {
                evidence.add(Integer.parseInt(c[1]));
            }
            out.add(new Question(doc, reference(doc) + words(c[0], random) + "?", evidence));
        }
        return out;
    }

    /** About 60% of the sentence's content words (no numbers, no stopwords), in order; at least 4, at most 10. */
    private static String words(String sentence, Random random) {
        List<String> content = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            String w = m.group();
            if (w.length() > 2 && !STOP.contains(w.toLowerCase(Locale.ROOT))) {
                content.add(w);
            }
        }
        List<String> kept = new ArrayList<>();
        for (String w : content) {
            if (random.nextDouble() < 0.6) {
                kept.add(w);
            }
        }
        for (int i = 0; kept.size() < 4 && i < content.size(); i++) {
            if (!kept.contains(content.get(i))) {
                kept.add(content.get(i));
            }
        }
        return String.join(" ", kept.subList(0, Math.min(10, kept.size())));
    }

    /** How a reader names a filing: company and period, from the file name. */
    static String reference(Doc doc) {
        Matcher fy = FY.matcher(doc.name());
        if (fy.matches()) {
            return "In " + COMPANIES.getOrDefault(fy.group(2), fy.group(2)) + "'s 10-K for fiscal " + fy.group(1)
                    + ", ";
        }
        Matcher q = TENQ.matcher(doc.name());
        if (q.matches()) {
            return "In " + COMPANIES.getOrDefault(q.group(3), q.group(3)) + "'s " + q.group(2) + " " + q.group(1)
                    + " 10-Q, ";
        }
        Matcher other = OTHER_10K.matcher(doc.name());
        if (doc.kind().equals("tenk") && other.matches()) {
            return "In " + COMPANIES.getOrDefault(other.group(1), other.group(1)) + "'s " + other.group(2)
                    + " 10-K, ";
        }
        return "";
    }

    private static boolean prose(String sentence) {
        String[] words = sentence.split(" ");
        if (words.length < 10 || words.length > 45) {
            return false;
        }
        long letters = sentence.chars().filter(Character::isLetter).count();
        long content = WORD.matcher(sentence).results().map(r -> r.group().toLowerCase(Locale.ROOT))
                .filter(w -> w.length() > 3 && !STOP.contains(w)).distinct().count();
        return letters > 0.75 * sentence.length() && content >= 6;
    }

    private static boolean unique(long id, String key, Map<Long, Set<String>> keys) {
        if (key.length() < 40) {
            return false;
        }
        for (Map.Entry<Long, Set<String>> e : keys.entrySet()) {
            if (e.getKey() != id && e.getValue().contains(key)) {
                return false;
            }
        }
        return true;
    }

    /** Letters only, lower case: the same sentence with other numbers or spacing has the same key. */
    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", "");
    }

    static Doc load(long id, String kind, Path file, DocumentParser parser, Path cache) throws Exception {
        String name = file.getFileName().toString().replace(".pdf", "");
        Path cached = cache.resolve(kind + "-" + name + ".json");
        ParsedDocument parsed;
        if (Files.exists(cached)) {
            parsed = EventJson.read(Files.readAllBytes(cached), ParsedDocument.class);
        } else {
            try {
                parsed = parser.parse(Files.readAllBytes(file), new SourceFile(1, id, 1, file.getFileName().toString(),
                        "application/pdf"), ImageSink.DISCARD);
            } catch (RuntimeException e) {
                System.out.println(name + ": not parsed (" + e.getMessage() + "), skipped");
                return null;
            }
            Files.write(cached, EventJson.writeBytes(parsed));
        }
        List<PageText> pages = PageTexts.of(parsed);
        if (pages.isEmpty()) {
            System.out.println(name + ": no text layer, skipped");
            return null;
        }
        BuiltTree tree = new TreeBuilder(TreeOptions.defaults()).build(parsed, file.getFileName().toString());
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        SearchIndexWriter.write(new IndexInput(id, 1, tree.docTitle(), tree.root(), pages), directory);
        return new Doc(id, kind, name, DocumentSearchIndex.open(directory), pages, List.of());
    }

    private static QueryEngine engine(List<Doc> docs) {
        Map<Long, DocumentSearchIndex> indexes = new LinkedHashMap<>();
        docs.forEach(d -> indexes.put(d.id(), d.index()));
        return RetrievalQualityBenchmark.engine(indexes, BUDGET);
    }

    static ByteBuffersDirectory pageIndex(List<Doc> docs) throws Exception {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ENGLISH))) {
            for (Doc d : docs) {
                for (PageText page : d.pages()) {
                    Document doc = new Document();
                    doc.add(new StoredField("doc", d.id()));
                    doc.add(new StoredField("page", page.page()));
                    doc.add(new TextField("body", page.text(), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
        }
        return directory;
    }

    /** The top-k pages' numbers that belong to document {@code docId} (other documents' pages use budget too). */
    static Set<Integer> bm25(IndexSearcher searcher, String question, int k, long docId) throws Exception {
        Set<Integer> out = new LinkedHashSet<>();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : new LinkedHashSet<>(Languages.terms(ENGLISH, "body", question))) {
            query.add(new TermQuery(new Term("body", term)), BooleanClause.Occur.SHOULD);
        }
        for (ScoreDoc hit : searcher.search(query.build(), k).scoreDocs) {
            Document d = searcher.storedFields().document(hit.doc);
            if (d.getField("doc").numericValue().longValue() == docId) {
                out.add(d.getField("page").numericValue().intValue());
            }
        }
        return out;
    }

    private static long medianLong(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}
