package io.vectorless.bench;

import io.vectorless.bench.StructureBenchmark.Heading;
import io.vectorless.ingest.parse.DocumentParser;
import io.vectorless.ingest.parse.ImageSink;
import io.vectorless.ingest.parse.ParseLimits;
import io.vectorless.ingest.parse.SourceFile;
import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.ParsedDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Layout heading detection measured on real PDFs: each file's bookmarks are the truth; the bookmarks (and named
 * destinations) are removed, the bytes parsed as any bookmark-less upload would be, and the detected headings
 * compared with the truth (same title up to case, spacing, punctuation and leading numbering; page within one).
 * Usage: {@code RealPdfHeadings [-v] file.pdf...}; {@code -v} lists missed and spurious headings.
 */
public final class RealPdfHeadings {
    private static final Pattern NUMBERING = Pattern.compile("^(?:"
            + "(?:chapter|part|section|appendix|annex)\\s+(?:\\d+|[a-z]|[ivxlc]+)[.:]?\\s*"
            + "|(?:\\d+(?:\\.\\d+)*|[a-z](?:\\.\\d+)+)\\.?\\s*"
            + "|(?:[a-z]|[ivxlc]+)[.)]\\s+|[a-z]\\s+)");

    private record Counts(int truth, int detected, int matched, int truthTop, int matchedTop) {
        Counts plus(Counts other) {
            return new Counts(truth + other.truth, detected + other.detected, matched + other.matched,
                    truthTop + other.truthTop, matchedTop + other.matchedTop);
        }
    }

    private RealPdfHeadings() {
    }

    public static void main(String[] args) throws IOException {
        boolean verbose = false;
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-v")) {
                verbose = true;
            } else {
                files.add(Path.of(arg));
            }
        }
        Counts total = new Counts(0, 0, 0, 0, 0);
        System.out.printf(Locale.ROOT, "%-34s %-28s %5s %6s %5s %5s %6s %6s %6s %6s %-7s%n", "file", "producer",
                "pages", "truth", "det", "match", "prec", "recall", "rec1-2", "F1", "source");
        try (DocumentParser parser = new DocumentParser(ParseLimits.defaults())) {
            int id = 0;
            for (Path file : files) {
                Counts counts = measure(parser, file, ++id, verbose);
                if (counts != null) {
                    total = total.plus(counts);
                }
            }
        }
        double precision = ratio(total.matched, total.detected);
        double recall = ratio(total.matched, total.truth);
        double recallTop = ratio(total.matchedTop, total.truthTop);
        System.out.printf(Locale.ROOT, "TOTAL all levels: truth %d, detected %d, matched %d, precision %.3f, "
                        + "recall %.3f, F1 %.3f%n", total.truth, total.detected, total.matched, precision, recall,
                f1(precision, recall));
        System.out.printf(Locale.ROOT, "TOTAL levels 1-2: truth %d, matched %d, recall %.3f, F1 (with precision "
                + "above) %.3f%n", total.truthTop, total.matchedTop, recallTop, f1(precision, recallTop));
    }

    private static Counts measure(DocumentParser parser, Path file, int id, boolean verbose) throws IOException {
        byte[] stripped;
        List<Heading> truth;
        String producer;
        int pages;
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            pages = document.getNumberOfPages();
            producer = producer(document);
            truth = PdfNavigation.bookmarks(document);
            stripped = PdfNavigation.withoutNavigation(document);
        }
        String name = file.getFileName().toString();
        if (truth.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-34s has no usable outline, skipped%n", name);
            return null;
        }
        ParsedDocument parsed = parser.parse(stripped, new SourceFile(1, id, 1, name, "application/pdf"),
                ImageSink.DISCARD);
        List<Heading> detected = new ArrayList<>();
        for (Block block : parsed.blocks()) {
            if (block.isHeading()) {
                detected.add(new Heading(block.level(), block.text(), block.page()));
            }
        }
        boolean[] used = new boolean[truth.size()];
        List<Heading> spurious = new ArrayList<>();
        int matched = 0;
        int matchedTop = 0;
        for (Heading found : detected) {
            int match = match(found, truth, used);
            if (match < 0) {
                spurious.add(found);
            } else {
                used[match] = true;
                matched++;
                if (truth.get(match).level() <= 2) {
                    matchedTop++;
                }
            }
        }
        int truthTop = (int) truth.stream().filter(h -> h.level() <= 2).count();
        double precision = ratio(matched, detected.size());
        double recall = ratio(matched, truth.size());
        System.out.printf(Locale.ROOT, "%-34s %-28s %5d %6d %5d %5d %6.3f %6.3f %6.3f %6.3f %-7s%n",
                shorten(name, 34), shorten(producer, 28), pages, truth.size(), detected.size(), matched, precision,
                recall, ratio(matchedTop, truthTop), f1(precision, recall), parsed.structureSource());
        if (verbose) {
            for (int i = 0; i < truth.size(); i++) {
                if (!used[i]) {
                    Heading missed = truth.get(i);
                    System.out.printf(Locale.ROOT, "    missed   L%d p%d %s%n", missed.level(), missed.page(),
                            missed.title());
                }
            }
            for (Heading extra : spurious) {
                System.out.printf(Locale.ROOT, "    spurious L%d p%d %s%n", extra.level(), extra.page(),
                        extra.title());
            }
        }
        return new Counts(truth.size(), detected.size(), matched, truthTop, matchedTop);
    }

    private static int match(Heading found, List<Heading> truth, boolean[] used) {
        String key = normalize(found.title());
        int best = -1;
        for (int i = 0; i < truth.size(); i++) {
            Heading candidate = truth.get(i);
            if (!used[i] && Math.abs(candidate.page() - found.page()) <= 1 && normalize(candidate.title()).equals(key)
                    && (best < 0 || Math.abs(candidate.page() - found.page())
                    < Math.abs(truth.get(best).page() - found.page()))) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Lower case, compatibility forms folded (ligatures), leading numbering dropped, then only letters and digits
     * kept: bookmarks often lose the punctuation and markup characters printed in the heading.
     */
    static String normalize(String title) {
        String text = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ").strip();
        // twice: "Appendix A A sample session" is listed as "A A sample session"
        text = NUMBERING.matcher(NUMBERING.matcher(text).replaceFirst("")).replaceFirst("");
        return text.replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static String producer(PDDocument document) {
        String producer = document.getDocumentInformation().getProducer();
        String creator = document.getDocumentInformation().getCreator();
        String value = producer == null ? "" : producer;
        if (creator != null && !creator.isBlank() && !value.contains(creator)) {
            value = value + " / " + creator;
        }
        return value.replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "~";
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
