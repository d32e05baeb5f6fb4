package io.vectorless.bench;

import io.vectorless.ingest.parse.DocumentParser;
import io.vectorless.ingest.parse.ImageSink;
import io.vectorless.ingest.parse.ParseLimits;
import io.vectorless.ingest.parse.SourceFile;
import io.vectorless.ingest.parse.ocr.OcrMode;
import io.vectorless.ingest.parse.ocr.OcrSettings;
import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.ParsedDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OCR accuracy on real documents, with their own text layer as the truth: the first pages of each PDF are read
 * twice, once from the text layer (OCR off) and once from the rendered pages (OCR forced), and the recognised
 * tokens are compared with the text layer's (words for alphabetic scripts, single characters for Chinese and
 * Japanese, so no word segmenter decides the score). Prints precision, recall and F1 per file and overall, and
 * pages/s.
 *
 * <pre>
 * java -Xmx1g -cp $CP io.vectorless.bench.OcrTextLayerBenchmark [pages per file, default 5] file.pdf...
 * </pre>
 */
public final class OcrTextLayerBenchmark {
    private OcrTextLayerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pages = 5;
        long matched = 0;
        long recognised = 0;
        long truth = 0;
        int ocrPages = 0;
        double seconds = 0;
        ParseLimits limits = ParseLimits.defaults().withTimeout(Duration.ofHours(1));
        try (DocumentParser text = new DocumentParser(limits, OcrSettings.defaults().withMode(OcrMode.OFF));
             DocumentParser ocr = new DocumentParser(limits, OcrSettings.defaults().withMode(OcrMode.FORCE))) {
            for (String arg : args) {
                if (arg.matches("\\d+")) {
                    pages = Integer.parseInt(arg);
                    continue;
                }
                Path file = Path.of(arg);
                byte[] head = firstPages(Files.readAllBytes(file), pages);
                SourceFile source = new SourceFile(1, 1, 1, file.getFileName().toString(), "application/pdf");
                Map<String, Integer> expected = tokens(text.parse(head, source, ImageSink.DISCARD));
                long start = System.nanoTime();
                ParsedDocument read = ocr.parse(head, source, ImageSink.DISCARD);
                double took = (System.nanoTime() - start) / 1e9;
                Map<String, Integer> found = tokens(read);
                long both = overlap(expected, found);
                long nFound = found.values().stream().mapToLong(Integer::longValue).sum();
                long nExpected = expected.values().stream().mapToLong(Integer::longValue).sum();
                int n = Integer.parseInt(read.metadata().getOrDefault("ocr_pages", "0"));
                System.out.printf(Locale.ROOT, "%s: %d pages in %.1f s; tokens P %.3f R %.3f F1 %.3f (%d in the"
                                + " text layer)%n", file.getFileName(), n, took, ratio(both, nFound),
                        ratio(both, nExpected), f1(both, nFound, nExpected), nExpected);
                matched += both;
                recognised += nFound;
                truth += nExpected;
                ocrPages += n;
                seconds += took;
            }
        }
        System.out.printf(Locale.ROOT, "all: %d pages, %.2f pages/s; tokens P %.3f R %.3f F1 %.3f%n", ocrPages,
                ocrPages / Math.max(seconds, 1e-9), ratio(matched, recognised), ratio(matched, truth),
                f1(matched, recognised, truth));
    }

    static byte[] firstPages(byte[] pdf, int pages) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            while (document.getNumberOfPages() > pages) {
                document.removePage(document.getNumberOfPages() - 1);
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    static Map<String, Integer> tokens(ParsedDocument parsed) {
        Map<String, Integer> counts = new HashMap<>();
        for (Block block : parsed.blocks()) {
            for (String token : tokens(block.text())) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        return counts;
    }

    static List<String> tokens(String text) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            boolean square = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA;
            if (Character.isLetterOrDigit(c) && !square) {
                word.appendCodePoint(c);
                return;
            }
            if (!word.isEmpty()) {
                out.add(word.toString());
                word.setLength(0);
            }
            if (square) {
                out.add(new String(Character.toChars(c)));
            }
        });
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }

    private static long overlap(Map<String, Integer> a, Map<String, Integer> b) {
        long both = 0;
        for (Map.Entry<String, Integer> entry : a.entrySet()) {
            both += Math.min(entry.getValue(), b.getOrDefault(entry.getKey(), 0));
        }
        return both;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static double f1(long both, long found, long expected) {
        double p = ratio(both, found);
        double r = ratio(both, expected);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
