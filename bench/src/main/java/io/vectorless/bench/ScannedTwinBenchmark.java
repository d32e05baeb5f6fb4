package io.vectorless.bench;

import io.vectorless.indexer.search.PageTexts;
import io.vectorless.indexer.tree.BuiltTree;
import io.vectorless.indexer.tree.TreeBuilder;
import io.vectorless.indexer.tree.TreeOptions;
import io.vectorless.ingest.parse.DocumentParser;
import io.vectorless.ingest.parse.ImageSink;
import io.vectorless.ingest.parse.ParseLimits;
import io.vectorless.ingest.parse.SourceFile;
import io.vectorless.ingest.parse.ocr.OcrMode;
import io.vectorless.ingest.parse.ocr.OcrSettings;
import io.vectorless.query.answer.QueryEngine;
import io.vectorless.query.answer.QueryRequest;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.search.IndexInput;
import io.vectorless.search.PageText;
import io.vectorless.search.SearchIndexWriter;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.vectorless.bench.RetrievalQualityBenchmark.chosenPages;
import static io.vectorless.bench.RetrievalQualityBenchmark.hit;

/**
 * Are questions about a scanned document answered from the right pages as often as about the same document with its
 * text layer? Each real PDF's first pages are read twice, from the text layer (OCR off) and as a scan (every page
 * rendered and recognised, OCR forced); questions are made from the text layer's sentences as in
 * {@link WorkspaceRetrievalBenchmark}, and the same questions are asked of each version alone. Prints, per file and
 * overall, the navigator's hits on the text version and on the scan, the headings each tree found, and OCR time.
 *
 * <pre>
 * java -Xmx2g -cp $CP io.vectorless.bench.ScannedTwinBenchmark [pages per file, default 12] [questions per file,
 *     default 8] file.pdf...
 * </pre>
 */
public final class ScannedTwinBenchmark {
    private static final int BUDGET = 5;

    private ScannedTwinBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 12;
        int perDoc = args.length > 1 && args[1].matches("\\d+") ? Integer.parseInt(args[1]) : 8;
        ParseLimits limits = ParseLimits.defaults().withTimeout(Duration.ofHours(1));
        List<WorkspaceRetrievalBenchmark.Doc> texts = new ArrayList<>();
        List<WorkspaceRetrievalBenchmark.Doc> scans = new ArrayList<>();
        List<int[]> headings = new ArrayList<>();
        double ocrSeconds = 0;
        int ocrPages = 0;
        try (DocumentParser text = new DocumentParser(limits, OcrSettings.defaults().withMode(OcrMode.OFF));
             DocumentParser ocr = new DocumentParser(limits, OcrSettings.defaults().withMode(OcrMode.FORCE))) {
            long id = 1;
            for (String arg : args) {
                if (arg.matches("\\d+")) {
                    continue;
                }
                Path file = Path.of(arg);
                byte[] head = OcrTextLayerBenchmark.firstPages(Files.readAllBytes(file), pages);
                String name = file.getFileName().toString().replace(".pdf", "");
                SourceFile source = new SourceFile(1, id, 1, file.getFileName().toString(), "application/pdf");
                ParsedDocument fromText = text.parse(head, source, ImageSink.DISCARD);
                long start = System.nanoTime();
                ParsedDocument fromScan = ocr.parse(head, source, ImageSink.DISCARD);
                ocrSeconds += (System.nanoTime() - start) / 1e9;
                ocrPages += Integer.parseInt(fromScan.metadata().getOrDefault("ocr_pages", "0"));
                int[] found = new int[2];
                texts.add(doc(id, name, fromText, file, found, 0));
                scans.add(doc(id, name, fromScan, file, found, 1));
                headings.add(found);
                id++;
            }
        }
        Map<Long, Set<String>> keys = new HashMap<>();
        for (WorkspaceRetrievalBenchmark.Doc doc : texts) {
            Set<String> own = new HashSet<>();
            doc.pages().forEach(p -> own.add(p.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", "")));
            keys.put(doc.id(), own);
        }
        System.out.printf(Locale.ROOT, "%-22s %4s %10s %10s %14s%n", "file", "qs", "text hit", "scan hit",
                "headings t/s");
        int asked = 0;
        int textHits = 0;
        int scanHits = 0;
        for (int i = 0; i < texts.size(); i++) {
            WorkspaceRetrievalBenchmark.Doc textDoc = texts.get(i);
            List<WorkspaceRetrievalBenchmark.Question> questions =
                    WorkspaceRetrievalBenchmark.questions(textDoc, perDoc, keys);
            int t = 0;
            int s = 0;
            QueryEngine onText = engine(textDoc);
            QueryEngine onScan = engine(scans.get(i));
            for (WorkspaceRetrievalBenchmark.Question q : questions) {
                t += hit(chosenPages(onText.answer(new QueryRequest(1, q.text(), List.of()), null), textDoc.id()),
                        q.evidence()) ? 1 : 0;
                s += hit(chosenPages(onScan.answer(new QueryRequest(1, q.text(), List.of()), null), textDoc.id()),
                        q.evidence()) ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "%-22s %4d %10d %10d %8d/%d%n", textDoc.name(), questions.size(), t, s,
                    headings.get(i)[0], headings.get(i)[1]);
            asked += questions.size();
            textHits += t;
            scanHits += s;
        }
        System.out.printf(Locale.ROOT, "all: %d questions; evidence found %.1f%% from the text layer, %.1f%% from"
                        + " the scan; OCR %d pages at %.2f pages/s%n", asked, 100.0 * textHits / Math.max(1, asked),
                100.0 * scanHits / Math.max(1, asked), ocrPages, ocrPages / Math.max(ocrSeconds, 1e-9));
    }

    private static WorkspaceRetrievalBenchmark.Doc doc(long id, String name, ParsedDocument parsed, Path file,
                                                       int[] headings, int slot) throws Exception {
        List<PageText> pages = PageTexts.of(parsed);
        BuiltTree tree = new TreeBuilder(TreeOptions.defaults()).build(parsed, file.getFileName().toString());
        headings[slot] = tree.nodeCount();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        SearchIndexWriter.write(new IndexInput(id, 1, tree.docTitle(), tree.root(), pages), directory);
        return new WorkspaceRetrievalBenchmark.Doc(id, "scan", name, DocumentSearchIndex.open(directory), pages,
                List.of());
    }

    private static QueryEngine engine(WorkspaceRetrievalBenchmark.Doc doc) {
        return RetrievalQualityBenchmark.engine(Map.of(doc.id(), doc.index()), BUDGET);
    }
}
