package io.vectorless.bench;

import io.vectorless.ingest.parse.DocumentParser;
import io.vectorless.ingest.parse.ImageSink;
import io.vectorless.ingest.parse.ParseLimits;
import io.vectorless.ingest.parse.SourceFile;
import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.core.failure.PermanentFailure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Parses real files of any supported format and prints what came out: format, structure source, pages, headings
 * (the first few with their levels), characters of text, OCR pages and seconds; or the failure reason.
 *
 * <pre>
 * java -cp $CP io.vectorless.bench.ParseFiles [-v] file...
 * </pre>
 */
public final class ParseFiles {
    private ParseFiles() {
    }

    public static void main(String[] args) throws Exception {
        boolean verbose = args.length > 0 && args[0].equals("-v");
        try (DocumentParser parser = new DocumentParser(ParseLimits.defaults())) {
            for (String arg : args) {
                if (arg.equals("-v")) {
                    continue;
                }
                Path file = Path.of(arg);
                long start = System.nanoTime();
                try {
                    ParsedDocument parsed = parser.parse(Files.readAllBytes(file),
                            new SourceFile(1, 1, 1, file.getFileName().toString(), ""), ImageSink.DISCARD);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    List<Block> headings = parsed.blocks().stream().filter(Block::isHeading).toList();
                    long chars = parsed.blocks().stream().mapToLong(b -> b.text().length()).sum();
                    System.out.printf(Locale.ROOT, "%s: %s, %s, %d pages, %d headings, %d chars, ocr pages %s,"
                                    + " pictures %s, %.1f s, title \"%s\"%n", file.getFileName(), parsed.format(),
                            parsed.structureSource(), parsed.pageCount(), headings.size(), chars,
                            parsed.metadata().getOrDefault("ocr_pages", "0"),
                            parsed.metadata().getOrDefault("ocr_pictures", "0"), seconds, parsed.title());
                    headings.stream().limit(verbose ? 40 : 8).forEach(h -> System.out.println("    "
                            + "  ".repeat(h.level() - 1) + "H" + h.level() + " " + h.text() + " @" + h.page()));
                    if (verbose) {
                        parsed.blocks().stream().filter(b -> !b.isHeading()).limit(3).forEach(b -> System.out.println(
                                "    | " + b.text().substring(0, Math.min(300, b.text().length())).replace('\n', ' ')));
                    }
                } catch (PermanentFailure e) {
                    System.out.println(file.getFileName() + ": failed: " + e.getMessage());
                }
            }
        }
    }
}
