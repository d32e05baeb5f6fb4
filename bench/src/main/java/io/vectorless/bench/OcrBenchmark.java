package io.vectorless.bench;

import io.vectorless.ingest.parse.DocumentParser;
import io.vectorless.ingest.parse.ImageSink;
import io.vectorless.ingest.parse.ParseLimits;
import io.vectorless.ingest.parse.SourceFile;
import io.vectorless.ingest.parse.ocr.OcrSettings;
import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.ParsedDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * OCR throughput and memory: a generated book of N pages (default 50; headings and body text in Helvetica) is
 * rendered to 150-dpi greyscale pictures and wrapped in a PDF without a text layer, then parsed with OCR on.
 * Prints pages/s, the peak Java heap, the process's peak resident memory (the ONNX engine lives outside the heap),
 * the share of the original lines read exactly and of the original words read (in order, per line), and how many
 * chapter titles became headings. PDF files given as arguments are measured as they
 * are (e.g. real scans).
 *
 * <pre>
 * ./mvnw -q -pl bench -am install -DskipTests
 * ./mvnw -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
 * java -Xmx1g -cp bench/target/classes:$(cat bench/target/classpath.txt) io.vectorless.bench.OcrBenchmark [pages|files]
 * </pre>
 */
public final class OcrBenchmark {
    private static final String[] WORDS = ("inspection pump valve storage safety schedule report budget council"
            + " harbour vessel engine river bridge station energy water supply quarterly annual revenue growth"
            + " customer service network training policy review design planning contract finance audit").split(" ");

    private OcrBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pages = 50;
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.matches("\\d+")) {
                pages = Integer.parseInt(arg);
            } else {
                files.add(Path.of(arg));
            }
        }
        try (DocumentParser parser = new DocumentParser(ParseLimits.defaults().withTimeout(Duration.ofHours(1)),
                OcrSettings.defaults())) {
            if (files.isEmpty()) {
                List<String> truth = new ArrayList<>();
                byte[] scan = scannedBook(pages, truth);
                System.out.printf(Locale.ROOT, "generated scan: %d pages, %.1f MB%n", pages, scan.length / 1e6);
                measure(parser, "generated-" + pages + ".pdf", scan, truth);
            }
            for (Path file : files) {
                measure(parser, file.getFileName().toString(), Files.readAllBytes(file), null);
            }
        }
    }

    private static void measure(DocumentParser parser, String name, byte[] bytes, List<String> truth) {
        resetPeaks();
        long start = System.nanoTime();
        ParsedDocument parsed = parser.parse(bytes, new SourceFile(1, 1, 1, name, "application/pdf"), ImageSink.DISCARD);
        double seconds = (System.nanoTime() - start) / 1e9;
        int ocrPages = Integer.parseInt(parsed.metadata().getOrDefault("ocr_pages", "0"));
        StringBuilder text = new StringBuilder();
        int headings = 0;
        int chapters = 0;
        for (Block block : parsed.blocks()) {
            text.append(block.text()).append('\n');
            headings += block.isHeading() ? 1 : 0;
            chapters += block.isHeading() && block.text().matches("Chapter \\d+ \\p{L}+") ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%s: %d pages, %d recognised in %.1f s = %.2f pages/s; peak heap %d MB,"
                        + " peak resident %d MB; %d headings (structure %s), %d chars%n", name, parsed.pageCount(),
                ocrPages, seconds, ocrPages / seconds, peakHeapMb(), peakResidentMb(), headings,
                parsed.structureSource(), text.length());
        if (truth != null) {
            String found = text.toString().replaceAll("\\s+", " ");
            Set<String> readLines = new HashSet<>(List.of(text.toString().split("\n")));
            long exact = truth.stream().filter(line -> line.startsWith("Chapter ") ? readLines.contains(line)
                    : found.contains(line)).count();
            long words = 0;
            long total = 0;
            for (String line : truth) {
                String[] expected = line.split(" ");
                total += expected.length;
                words += wordsInOrder(expected, found);
            }
            System.out.printf(Locale.ROOT, "  lines read exactly: %d of %d (%.1f%%); words read: %.1f%%;"
                            + " chapter titles as headings: %d of %d%n", exact, truth.size(), 100.0 * exact
                            / truth.size(), 100.0 * words / total, chapters,
                    truth.stream().filter(line -> line.startsWith("Chapter ")).count());
        }
        parsed.warnings().stream().limit(5).forEach(w -> System.out.println("  warning: " + w));
    }

    /** How many of a line's words were read: its longest run found in the text, word by word from the start. */
    private static int wordsInOrder(String[] expected, String found) {
        int best = 0;
        for (int from = 0; from < expected.length - best; from++) {
            StringBuilder run = new StringBuilder(expected[from]);
            int length = 1;
            while (from + length < expected.length
                    && found.contains(run + " " + expected[from + length])) {
                run.append(' ').append(expected[from + length]);
                length++;
            }
            if (found.contains(run)) {
                best = Math.max(best, length);
            }
        }
        return best;
    }

    /** Chapters with a heading each, paragraphs of generated sentences, every page rendered and re-wrapped. */
    static byte[] scannedBook(int pages, List<String> truth) throws Exception {
        Random random = new Random(11);
        byte[] textPdf;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(bold, 18);
                    content.newLineAtOffset(72, 710);
                    String heading = "Chapter " + p + " " + capital(WORDS[random.nextInt(WORDS.length)]);
                    content.showText(heading);
                    truth.add(heading);
                    content.setFont(regular, 11);
                    for (int line = 0; line < 34; line++) {
                        content.newLineAtOffset(0, line == 0 ? -30 : -17);
                        StringBuilder sentence = new StringBuilder(capital(WORDS[random.nextInt(WORDS.length)]));
                        while (sentence.length() < 75) {
                            String word = WORDS[random.nextInt(WORDS.length)];
                            sentence.append(' ').append(word);
                        }
                        content.showText(sentence.append('.').toString());
                        truth.add(sentence.toString());
                    }
                    content.endText();
                }
            }
            document.save(out);
            textPdf = out.toByteArray();
        }
        try (PDDocument source = Loader.loadPDF(textPdf); PDDocument scan = new PDDocument();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFRenderer renderer = new PDFRenderer(source);
            for (int i = 0; i < source.getNumberOfPages(); i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                scan.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(scan, page)) {
                    content.drawImage(JPEGFactory.createFromImage(scan,
                            renderer.renderImageWithDPI(i, 150, ImageType.GRAY), 0.8f), 0, 0,
                            PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                }
            }
            scan.save(out);
            return out.toByteArray();
        }
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    /** VmHWM: the most memory the process has held in RAM, native engine included (Linux only; -1 elsewhere). */
    private static long peakResidentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) >> 10;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
