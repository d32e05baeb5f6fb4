package io.vectorless.bench;

import io.vectorless.ingest.parse.DocumentParser;
import io.vectorless.ingest.parse.ImageSink;
import io.vectorless.ingest.parse.ParseLimits;
import io.vectorless.ingest.parse.SourceFile;
import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.ParsedDocument;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Precision and recall of layout heading detection: books generated in varied styles, parsed without their outline,
 * detected headings compared with the true ones (same title and page; level agreement reported separately).
 */
final class HeadingAccuracy {
    private HeadingAccuracy() {
    }

    static void run(int documents) throws IOException {
        int truthTotal = 0;
        int detectedTotal = 0;
        int matchedTotal = 0;
        int levelMatches = 0;
        System.out.println();
        System.out.println("layout heading detection on PDFs without outline (title and page must match):");
        try (DocumentParser parser = new DocumentParser(ParseLimits.defaults())) {
            for (int seed = 1; seed <= documents; seed++) {
                SyntheticPdf style = new SyntheticPdf(1000L + seed);
                SyntheticPdf.Generated pdf = style.generate(30, false);
                ParsedDocument parsed = parser.parse(pdf.bytes(), new SourceFile(1, seed, 1, "s.pdf", ""),
                        ImageSink.DISCARD);
                Map<String, Integer> truth = new HashMap<>();
                for (SyntheticPdf.Heading heading : pdf.truth()) {
                    truth.put(key(heading.title(), heading.page()), heading.level());
                }
                int detected = 0;
                int matched = 0;
                int levels = 0;
                for (Block block : parsed.blocks()) {
                    if (!block.isHeading()) {
                        continue;
                    }
                    detected++;
                    Integer level = truth.get(key(block.text(), block.page()));
                    if (level != null) {
                        matched++;
                        if (level == block.level()) {
                            levels++;
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "  style %2d (%s): %s, truth %d, detected %d, matched %d, "
                                + "levels right %d%n", seed, style.describe(), parsed.structureSource(),
                        truth.size(), detected, matched, levels);
                truthTotal += truth.size();
                detectedTotal += detected;
                matchedTotal += matched;
                levelMatches += levels;
            }
        }
        System.out.printf(Locale.ROOT, "precision %.3f, recall %.3f, level accuracy of matches %.3f "
                        + "(%d true, %d detected, %d matched)%n", ratio(matchedTotal, detectedTotal),
                ratio(matchedTotal, truthTotal), ratio(levelMatches, matchedTotal), truthTotal, detectedTotal,
                matchedTotal);
    }

    private static String key(String title, int page) {
        return title.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip() + "@" + page;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
