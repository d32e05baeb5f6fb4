package io.vectorless.bench;

import io.vectorless.indexer.tree.BuiltTree;
import io.vectorless.indexer.tree.TreeBuilder;
import io.vectorless.indexer.tree.TreeOptions;
import io.vectorless.ingest.parse.DocumentParser;
import io.vectorless.ingest.parse.ImageSink;
import io.vectorless.ingest.parse.ParseLimits;
import io.vectorless.ingest.parse.SourceFile;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.parsed.ParsedDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of the whole ingest + quick-index path (content detection, PDF parsing with structure, the parsed JSON
 * written and read back, the tree built with quick summaries) against plain PDFBox text extraction of the same
 * files in the same run, plus the peak heap of the path on the largest file; then heading precision and recall of
 * layout detection on PDFs whose outline is withheld. Times are the best of several rounds; the CPU ratio (process
 * CPU time) is the figure to trust on a machine shared with other work.
 *
 * <pre>
 * ./mvnw -q -pl ingest-service,indexer-service,bench package dependency:build-classpath -DskipTests \
 *     -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
 * java -Xmx1g -cp bench/target/classes:$(cat bench/target/classpath.txt) io.vectorless.bench.IngestBenchmark
 * </pre>
 *
 * <p>Arguments: PDF files to measure; none = generated books of 50, 300 and 1,000 pages with bookmarks and one of
 * 1,000 pages without. {@code --accuracy} runs the heading measurement alone.
 */
public final class IngestBenchmark {
    private static final int ROUNDS = 5;

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--accuracy")) {
            HeadingAccuracy.run(16);
            return;
        }
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            files.add(Path.of(arg));
        }
        if (files.isEmpty()) {
            Path directory = Files.createTempDirectory("ingest-bench");
            directory.toFile().deleteOnExit();
            for (int pages : new int[]{50, 300, 1000}) {
                Path file = directory.resolve("book-" + pages + "p.pdf");
                file.toFile().deleteOnExit();
                Files.write(file, new SyntheticPdf(pages).generate(pages, true).bytes());
                files.add(file);
            }
            // the same size without bookmarks: headings then come from the layout
            Path plain = directory.resolve("plain-1000p.pdf");
            plain.toFile().deleteOnExit();
            Files.write(plain, new SyntheticPdf(1000).generate(1000, false).bytes());
            files.add(plain);
        }
        ParseLimits limits = ParseLimits.defaults().withTimeout(Duration.ofMinutes(30));
        try (DocumentParser parser = new DocumentParser(limits)) {
            TreeBuilder trees = new TreeBuilder(TreeOptions.defaults());
            System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MiB%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            warmUp(parser, trees, Files.readAllBytes(files.get(0)));
            System.out.printf(Locale.ROOT, "%-18s %6s %12s %12s %7s %9s %9s %6s%n", "file", "pages", "raw pages/s",
                    "path pages/s", "ratio", "cpu ratio", "peak MiB", "nodes");
            for (Path file : files) {
                measure(file, parser, trees);
            }
        }
        HeadingAccuracy.run(16);
    }

    private static void warmUp(DocumentParser parser, TreeBuilder trees, byte[] pdf) throws IOException {
        for (int i = 0; i < 3; i++) {
            raw(pdf);
            path(parser, trees, pdf);
        }
    }

    private static void measure(Path file, DocumentParser parser, TreeBuilder trees) throws IOException {
        byte[] pdf = Files.readAllBytes(file);
        long bestRaw = Long.MAX_VALUE;
        long bestPath = Long.MAX_VALUE;
        long bestRawCpu = Long.MAX_VALUE;
        long bestPathCpu = Long.MAX_VALUE;
        int pages = 0;
        int nodes = 0;
        long peak = 0;
        for (int round = 0; round < ROUNDS; round++) {
            System.gc();
            long cpu = cpuNanos();
            long start = System.nanoTime();
            pages = raw(pdf);
            bestRaw = Math.min(bestRaw, System.nanoTime() - start);
            bestRawCpu = Math.min(bestRawCpu, cpuNanos() - cpu);

            System.gc();
            resetPeaks();
            cpu = cpuNanos();
            start = System.nanoTime();
            BuiltTree tree = path(parser, trees, pdf);
            bestPath = Math.min(bestPath, System.nanoTime() - start);
            bestPathCpu = Math.min(bestPathCpu, cpuNanos() - cpu);
            peak = Math.max(peak, heapPeak());
            nodes = tree.nodeCount();
        }
        double rawRate = pages / (bestRaw / 1e9);
        double pathRate = pages / (bestPath / 1e9);
        System.out.printf(Locale.ROOT, "%-18s %6d %12.0f %12.0f %6.2fx %8.2fx %9d %6d%n", file.getFileName(), pages,
                rawRate, pathRate, (double) bestPath / bestRaw, (double) bestPathCpu / bestRawCpu, peak >> 20, nodes);
    }

    /** What a plain extraction costs: load and PDFTextStripper over every page. */
    private static int raw(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            if (text.isEmpty()) {
                throw new IllegalStateException("no text");
            }
            return document.getNumberOfPages();
        }
    }

    private static BuiltTree path(DocumentParser parser, TreeBuilder trees, byte[] pdf) {
        SourceFile source = new SourceFile(1, 1, 1, "book.pdf", "application/pdf");
        ParsedDocument parsed = parser.parse(pdf, source, ImageSink.DISCARD);
        // the claim check: ingest writes the JSON, the indexer reads it back
        ParsedDocument handedOver = EventJson.read(EventJson.writeBytes(parsed), ParsedDocument.class);
        return trees.build(handedOver, "book.pdf");
    }

    /** CPU time of the whole process (GC and JIT threads too): steadier than wall time on a busy machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the live heap at any one moment. */
    private static long heapPeak() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }
}
