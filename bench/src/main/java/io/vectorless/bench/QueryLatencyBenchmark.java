package io.vectorless.bench;

import io.vectorless.query.answer.QueryAnswer;
import io.vectorless.query.answer.QueryEngine;
import io.vectorless.query.answer.QueryRequest;
import io.vectorless.query.answer.QuerySource;
import io.vectorless.query.navigate.DocumentCard;
import io.vectorless.schema.tree.TreeNode;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.search.IndexInput;
import io.vectorless.search.PageText;
import io.vectorless.search.SearchIndexWriter;
import io.vectorless.support.llm.DisabledLlmClient;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Question latency without an LLM, through the query engine exactly as query-service runs it (routing, tree
 * search, context, extractive answer), over search indexes written by the indexer's writer and opened from local
 * disk the way a replica's cache opens them. Two cases: one document of ~1,000 nodes (800 pages), and a workspace
 * of 100 long documents (300 pages each). Text is generated (a Zipf-distributed vocabulary), so the figures are
 * about speed; retrieval quality is measured on real documents by {@link RetrievalQualityBenchmark}.
 *
 * With {@code artifacts}, each case runs again with the indexes where query-service gets them: archives in
 * S3-compatible object storage opened through its {@code SearchIndexStore}; it prints the cold figures (a replica
 * that just started: each index downloaded, unpacked and opened) and then the warm ones, comparable to the first.
 *
 * <pre>java -cp $CP io.vectorless.bench.QueryLatencyBenchmark [questions=300] [artifacts]</pre>
 */
public final class QueryLatencyBenchmark {
    private static final int VOCABULARY = 30_000;

    public static void main(String[] args) throws Exception {
        int questions = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        ArtifactIndexes artifacts = args.length > 1 && args[1].equals("artifacts") ? new ArtifactIndexes() : null;
        Path dir = Files.createTempDirectory("query-latency");
        Text text = new Text(new Random(7));

        Map<Long, Doc> single = new HashMap<>();
        single.put(1L, book(dir, 1, text, 40, 5, 4));
        System.out.printf(Locale.ROOT, "document: %d nodes, %d pages%n", single.get(1L).nodes, single.get(1L).pages);
        run("1,000-node document", single, questions, text);
        viaObjectStorage(artifacts, "1,000-node document", single, questions, text);

        Map<Long, Doc> workspace = new HashMap<>();
        long start = System.nanoTime();
        for (long id = 1; id <= 100; id++) {
            workspace.put(id, book(dir, id, text, 20, 5, 1));
        }
        int pages = workspace.values().stream().mapToInt(d -> d.pages).sum();
        System.out.printf(Locale.ROOT, "workspace: 100 documents, %d pages, indexed in %.1f s%n", pages,
                (System.nanoTime() - start) / 1e9);
        run("100-document workspace", workspace, questions, text);
        viaObjectStorage(artifacts, "100-document workspace", workspace, questions, text);
        if (artifacts != null) {
            artifacts.close();
        }
    }

    private record Doc(DocumentCard card, DocumentSearchIndex index, int nodes, int pages, List<PageText> texts,
                       IndexInput input) {
    }

    /** The same case with every index in object storage, opened as query-service opens it: cold, then warm. */
    private static void viaObjectStorage(ArtifactIndexes artifacts, String name, Map<Long, Doc> docs,
                                         int questions, Text text) throws IOException {
        if (artifacts == null) {
            return;
        }
        Map<Long, String> keys = new HashMap<>();
        docs.forEach((id, doc) -> keys.put(id, artifacts.put(doc.input())));
        artifacts.emptyCache();
        long[] opens = new long[docs.size()];
        int i = 0;
        for (long id : docs.keySet()) {
            long start = System.nanoTime();
            artifacts.open(id, 1, keys.get(id)).orElseThrow();
            opens[i++] = System.nanoTime() - start;
        }
        Arrays.sort(opens);
        System.out.printf(Locale.ROOT, "%s via object storage, cold: first open of an index p50 %.1f ms, max %.1f "
                        + "ms (download, unpack, open); %d indexes in %.1f s%n", name, opens[opens.length / 2] / 1e6,
                opens[opens.length - 1] / 1e6, opens.length, Arrays.stream(opens).sum() / 1e9);
        artifacts.emptyCache();
        run(name + " via object storage, cold cache", docs, Math.min(questions, 20), text,
                card -> artifacts.open(card.docId(), card.version(), keys.get(card.docId())), false);
        run(name + " via object storage, warm", docs, questions, text,
                card -> artifacts.open(card.docId(), card.version(), keys.get(card.docId())), true);
    }

    /** chapters x sections x subsections, each subsection 3 pages of text (1 page when subsections > 1). */
    private static Doc book(Path dir, long id, Text text, int chapters, int sections, int subsections)
            throws IOException {
        List<TreeNode> chapterNodes = new ArrayList<>();
        List<PageText> pages = new ArrayList<>();
        int page = 1;
        int pagesPerLeaf = subsections > 1 ? 1 : 3;
        for (int c = 1; c <= chapters; c++) {
            List<TreeNode> sectionNodes = new ArrayList<>();
            int chapterStart = page;
            for (int s = 1; s <= sections; s++) {
                List<TreeNode> leaves = new ArrayList<>();
                int sectionStart = page;
                for (int t = 1; t <= subsections; t++) {
                    StringBuilder leafText = new StringBuilder();
                    int leafStart = page;
                    for (int p = 0; p < pagesPerLeaf; p++) {
                        String pageText = text.paragraph(1_600);
                        pages.add(new PageText(page++, pageText));
                        leafText.append(pageText).append("\n\n");
                    }
                    String leafId = c + "." + s + (subsections > 1 ? "." + t : "");
                    leaves.add(new TreeNode(leafId, text.title(), "", subsections > 1 ? 3 : 2, leafStart, page - 1,
                            leafText.toString().strip(), List.of(), List.of()));
                }
                if (subsections > 1) {
                    sectionNodes.add(new TreeNode(c + "." + s, text.title(), "", 2, sectionStart, page - 1, "",
                            List.of(), leaves));
                } else {
                    sectionNodes.addAll(leaves);
                }
            }
            chapterNodes.add(new TreeNode(Integer.toString(c), text.title(), "", 1, chapterStart, page - 1, "",
                    List.of(), sectionNodes));
        }
        String title = "Report " + id + " " + text.title();
        TreeNode root = new TreeNode("root", title, text.paragraph(300), 0, 1, page - 1, "", List.of(), chapterNodes);
        Path at = dir.resolve("doc-" + id);
        IndexInput input = new IndexInput(id, 1, title, root, pages);
        try (FSDirectory out = FSDirectory.open(at)) {
            SearchIndexWriter.write(input, out);
        }
        DocumentSearchIndex index = DocumentSearchIndex.open(FSDirectory.open(at));
        return new Doc(new DocumentCard(id, 1, title, root.summary(), List.of()), index, root.flatten().size(),
                page - 1, pages, input);
    }

    private static void run(String name, Map<Long, Doc> docs, int questions, Text text) {
        run(name, docs, questions, text, card -> Optional.of(docs.get(card.docId()).index()), true);
    }

    /** @param warmUp ask 50 questions first (off for a cold cache, whose first questions are the figure) */
    private static void run(String name, Map<Long, Doc> docs, int questions, Text text,
                            Function<DocumentCard, Optional<DocumentSearchIndex>> indexes, boolean warmUp) {
        QuerySource source = new QuerySource() {
            public List<DocumentCard> answerableDocuments(long workspaceId) {
                return docs.values().stream().map(Doc::card)
                        .sorted(java.util.Comparator.comparingLong(DocumentCard::docId)).toList();
            }

            public Optional<DocumentSearchIndex> index(DocumentCard card) {
                return indexes.apply(card);
            }

            public Optional<byte[]> image(String key) {
                return Optional.empty();
            }
        };
        var pool = Executors.newFixedThreadPool(2);
        QueryEngine engine = new QueryEngine(source, new DisabledLlmClient(),
                new QueryEngine.Settings(3, 5, 20, 24_000, 4, 16_000, 6, 5), pool);
        Random random = new Random(11);
        List<Long> ids = new ArrayList<>(docs.keySet());
        for (int i = 0; warmUp && i < 50; i++) {
            engine.answer(question(docs, ids, random, text).request(), null);
        }
        long[] nanos = new long[questions];
        long[] cpu = new long[questions];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int hits = 0;
        long gcStart = gcMillis();
        for (int i = 0; i < questions; i++) {
            Question q = question(docs, ids, random, text);
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            // without an LLM the whole question runs on the calling thread, so its CPU time is the question's cost
            QueryAnswer answer = engine.answer(q.request(), null);
            cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
            nanos[i] = System.nanoTime() - start;
            if (answer.sources().stream().anyMatch(s -> s.docId() == q.docId() && covers(s.pages(), q.page()))) {
                hits++;
            }
        }
        long gc = gcMillis() - gcStart;
        pool.shutdownNow();
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%s: %d questions, wall p50 %.1f ms, p95 %.1f ms, max %.1f ms; CPU p50 %.1f ms, "
                        + "p95 %.1f ms; GC %.1f ms a question (source page among the chosen pages: %.0f%%; load "
                        + "average %.1f on %d cores)%n",
                name, questions, nanos[questions / 2] / 1e6, nanos[(int) (questions * 0.95)] / 1e6,
                nanos[questions - 1] / 1e6, cpu[questions / 2] / 1e6, cpu[(int) (questions * 0.95)] / 1e6,
                (double) gc / questions, 100.0 * hits / questions,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** Time the collectors spent so far; wall time above a question's CPU time is either this or waiting. */
    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private record Question(QueryRequest request, long docId, int page) {
    }

    /** Five words of one sentence of a random page, so the question has an answer somewhere. */
    private static Question question(Map<Long, Doc> docs, List<Long> ids, Random random, Text text) {
        long id = ids.get(random.nextInt(ids.size()));
        Doc doc = docs.get(id);
        PageText page = doc.texts().get(random.nextInt(doc.texts().size()));
        String[] sentences = page.text().split("\\. ");
        String[] words = sentences[random.nextInt(sentences.length)].split(" ");
        StringBuilder q = new StringBuilder("What does it say about");
        for (int i = 0; i < 5; i++) {
            q.append(' ').append(words[random.nextInt(words.length)]);
        }
        return new Question(new QueryRequest(1, q.append('?').toString(), List.of()), id, page.page());
    }

    private static boolean covers(String pages, int page) {
        if (pages.isEmpty()) {
            return false;
        }
        String[] range = pages.split("-");
        int from = Integer.parseInt(range[0]);
        int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
        return from <= page && page <= to;
    }

    /** Words of a made-up language whose frequencies follow Zipf's law, like any natural text. */
    static final class Text {
        private final Random random;
        private final String[] words = new String[VOCABULARY];
        private final double[] cumulative = new double[VOCABULARY];

        Text(Random random) {
            this.random = random;
            String[] syllables = {"ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "ve", "da", "gu", "fe", "zo", "ri",
                    "sa", "bel", "tor", "man", "quin", "dex"};
            double total = 0;
            for (int i = 0; i < VOCABULARY; i++) {
                StringBuilder w = new StringBuilder();
                int n = i;
                do {
                    w.append(syllables[n % syllables.length]);
                    n /= syllables.length;
                } while (n > 0);
                words[i] = w.toString();
                total += 1.0 / Math.pow(i + 1, 1.05);
                cumulative[i] = total;
            }
            for (int i = 0; i < VOCABULARY; i++) {
                cumulative[i] /= total;
            }
        }

        String word() {
            int i = Arrays.binarySearch(cumulative, random.nextDouble());
            return words[i >= 0 ? i : Math.min(VOCABULARY - 1, -i - 1)];
        }

        String paragraph(int chars) {
            StringBuilder out = new StringBuilder();
            while (out.length() < chars) {
                int n = 8 + random.nextInt(12);
                for (int i = 0; i < n; i++) {
                    out.append(i == 0 ? "" : " ").append(word());
                }
                out.append(". ");
            }
            return out.toString().strip();
        }

        String title() {
            return word() + " " + word() + " " + word();
        }
    }
}
