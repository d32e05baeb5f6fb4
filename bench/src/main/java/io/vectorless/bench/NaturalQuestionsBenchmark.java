package io.vectorless.bench;

import io.vectorless.ingest.parse.DocumentParser;
import io.vectorless.ingest.parse.ParseLimits;
import io.vectorless.query.answer.QueryAnswer;
import io.vectorless.query.answer.QueryEngine;
import io.vectorless.query.answer.QueryRequest;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.search.PageText;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.vectorless.bench.RetrievalQualityBenchmark.chosenPages;
import static io.vectorless.bench.RetrievalQualityBenchmark.hit;
import static io.vectorless.bench.RetrievalQualityBenchmark.median;

/**
 * Retrieval without an LLM on questions people wrote: a public question set shipped with its source documents
 * ({@code bench/natural-questions.sh} gathers it: financial analysts' questions over twenty 10-Q filings, with
 * reviewed answers). Questions naming one filing are kept; a question's evidence pages are the pages of that filing
 * holding a figure its answer states (a number of four or more digits, or with decimals), so the evidence comes from
 * the answer, never from headings or the question's own words. Questions whose answer states no such figure found in
 * the filing are left out.
 *
 * <p>Measured: (1) each filing alone: the chosen pages hold an evidence page, pages used, page-BM25 at the same budget
 * and at 5 pages; (2) all filings in one workspace: the filing among {@code routed_docs}, evidence found, page-BM25 over
 * all pages at 5 pages.
 *
 * <pre>java -Xmx3g [-Dverbose=true] -cp $CP io.vectorless.bench.NaturalQuestionsBenchmark [dir=/work/corpus-nq/sec-10-q]
 *     [cache-dir=/tmp/vectorless-parsed]</pre>
 */
public final class NaturalQuestionsBenchmark {
    private static final int BUDGET = 5;
    private static final boolean VERBOSE = Boolean.getBoolean("verbose");
    private static final Pattern ONE_FILING = Pattern.compile("\\*(\\d{4} Q\\d [A-Z]+)\\*");
    private static final Pattern FIGURE = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+\\.\\d+|\\d{4,}");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

    record Question(WorkspaceRetrievalBenchmark.Doc doc, String text, Set<Integer> evidence) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/corpus-nq/sec-10-q");
        Path cache = Path.of(args.length > 1 ? args[1] : "/tmp/vectorless-parsed");
        Files.createDirectories(cache);
        List<List<String>> rows = csv(Files.readString(dir.resolve("qna_data.csv"), StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        int question = header.indexOf("Question");
        int sources = header.indexOf("Source Docs");
        int answer = header.indexOf("Answer");
        Map<String, WorkspaceRetrievalBenchmark.Doc> docs = new LinkedHashMap<>();
        try (DocumentParser parser = new DocumentParser(ParseLimits.defaults().withTimeout(Duration.ofMinutes(10)))) {
            long id = 1;
            try (var files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList()) {
                    WorkspaceRetrievalBenchmark.Doc doc = WorkspaceRetrievalBenchmark.load(id++, "nq", file, parser,
                            cache);
                    if (doc != null) {
                        docs.put(doc.name().replace('_', ' '), doc);
                    }
                }
            }
        }
        List<Question> questions = new ArrayList<>();
        int asked = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            Matcher one = ONE_FILING.matcher(row.get(sources).strip());
            if (!one.matches() || !docs.containsKey(one.group(1))) {
                continue;
            }
            asked++;
            WorkspaceRetrievalBenchmark.Doc doc = docs.get(one.group(1));
            Set<Integer> evidence = evidence(doc.pages(), row.get(answer));
            if (!evidence.isEmpty()) {
                questions.add(new Question(doc, row.get(question).strip(), evidence));
            }
        }
        System.out.printf(Locale.ROOT, "%d filings; %d questions name one filing, %d with a figure of the answer found "
                + "in it (median %d evidence pages)%n", docs.size(), asked, questions.size(),
                median(questions.stream().map(q -> q.evidence().size()).toList()));
        single(questions);
        workspace(new ArrayList<>(docs.values()), questions);
    }

    private static void single(List<Question> questions) throws Exception {
        int[] n = new int[4];
        List<Integer> used = new ArrayList<>();
        for (Question q : questions) {
            QueryEngine engine = engine(List.of(q.doc()));
            IndexSearcher pages = new IndexSearcher(DirectoryReader.open(
                    WorkspaceRetrievalBenchmark.pageIndex(List.of(q.doc()))));
            Set<Integer> chosen = chosenPages(engine.answer(new QueryRequest(1, q.text(), List.of()), null),
                    q.doc().id());
            used.add(chosen.size());
            n[0]++;
            boolean hit = hit(chosen, q.evidence());
            n[1] += hit ? 1 : 0;
            Set<Integer> same = WorkspaceRetrievalBenchmark.bm25(pages, q.text(), Math.max(1, chosen.size()),
                    q.doc().id());
            n[2] += hit(same, q.evidence()) ? 1 : 0;
            n[3] += hit(WorkspaceRetrievalBenchmark.bm25(pages, q.text(), BUDGET, q.doc().id()), q.evidence()) ? 1 : 0;
            if (VERBOSE && !hit) {
                System.out.println("  miss " + q.doc().name() + ": " + q.text() + " evidence " + q.evidence()
                        + " chosen " + chosen + " page-BM25 " + same);
            }
        }
        System.out.printf(Locale.ROOT, "each filing alone: %d questions; tree hit %.1f%% at median %d pages; page-BM25 "
                + "same budget %.1f%%, at %d pages %.1f%%%n", n[0], 100.0 * n[1] / n[0], median(used),
                100.0 * n[2] / n[0], BUDGET, 100.0 * n[3] / n[0]);
    }

    private static void workspace(List<WorkspaceRetrievalBenchmark.Doc> docs, List<Question> questions)
            throws Exception {
        QueryEngine engine = engine(docs);
        IndexSearcher pages = new IndexSearcher(DirectoryReader.open(WorkspaceRetrievalBenchmark.pageIndex(docs)));
        int[] n = new int[4];
        for (Question q : questions) {
            QueryAnswer answer = engine.answer(new QueryRequest(1, q.text(), List.of()), null);
            n[0]++;
            boolean routed = answer.routedDocs().stream().anyMatch(d -> d.docId() == q.doc().id());
            n[1] += routed ? 1 : 0;
            boolean found = hit(chosenPages(answer, q.doc().id()), q.evidence());
            n[2] += found ? 1 : 0;
            if (VERBOSE && !found) {
                System.out.println("  not found " + q.doc().name() + ": " + q.text() + " evidence " + q.evidence()
                        + " routed " + answer.routedDocs().stream().map(QueryAnswer.RoutedDoc::docTitle).toList()
                        + " chosen " + answer.sources().stream().map(s -> s.docTitle() + " p" + s.pages()).toList());
            }
            n[3] += hit(WorkspaceRetrievalBenchmark.bm25(pages, q.text(), BUDGET, q.doc().id()), q.evidence()) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "one workspace of %d filings: %d questions; routed %.1f%%, found %.1f%%; "
                + "page-BM25 over all pages at %d pages %.1f%%%n", docs.size(), n[0], 100.0 * n[1] / n[0],
                100.0 * n[2] / n[0], BUDGET, 100.0 * n[3] / n[0]);
    }

    /** The pages of the filing holding a figure the answer states (years are not figures). */
    static Set<Integer> evidence(List<PageText> pages, String answer) {
        Set<String> figures = new LinkedHashSet<>();
        Matcher m = FIGURE.matcher(answer);
        while (m.find()) {
            String f = m.group();
            if (!YEAR.matcher(f).matches()) {
                figures.add(f);
            }
        }
        Set<Integer> out = new LinkedHashSet<>();
        for (PageText page : pages) {
            for (String f : figures) {
                if (Pattern.compile("(?<![\\d,.])" + Pattern.quote(f) + "(?![\\d]|,\\d)").matcher(page.text()).find()) {
                    out.add(page.page());
                    break;
                }
            }
        }
        return out;
    }

    private static QueryEngine engine(List<WorkspaceRetrievalBenchmark.Doc> docs) {
        Map<Long, DocumentSearchIndex> indexes = new LinkedHashMap<>();
        docs.forEach(d -> indexes.put(d.id(), d.index()));
        return RetrievalQualityBenchmark.engine(indexes, BUDGET);
    }

    /** RFC 4180 rows: quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
