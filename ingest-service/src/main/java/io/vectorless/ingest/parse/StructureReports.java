package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureReport;
import io.vectorless.schema.parsed.StructureSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The structure report of a parsed document: the sources found, how far they agree, how much of the document lies
 * under a real heading, and a confidence a person can act on.
 */
final class StructureReports {
    /** A page further than this from the last heading before it is covered only by page-sized parts. */
    static final int MAX_SECTION_PAGES = 20;

    private StructureReports() {
    }

    static StructureReport of(ParsedDocument parsed, Map<String, Integer> found, Double agreement, List<String> notes) {
        int headings = 0;
        for (Block block : parsed.blocks()) {
            if (block.isHeading()) {
                headings++;
            }
        }
        Map<String, Integer> sources = new LinkedHashMap<>(found);
        String primary = primary(parsed.structureSource());
        if (sources.isEmpty() && headings > 0) {
            sources.put(primary, headings);
        }
        double coverage = coverage(parsed);
        return new StructureReport(primary, sources, agreement == null ? null : round(agreement), round(coverage),
                headings, confidence(parsed.structureSource(), headings, agreement, coverage), notes);
    }

    static String primary(StructureSource source) {
        return switch (source) {
            case TOC -> "contents";
            default -> source.name().toLowerCase(Locale.ROOT);
        };
    }

    /** Share of pages that a heading at most {@link #MAX_SECTION_PAGES} pages before them opens. */
    static double coverage(ParsedDocument parsed) {
        int pages = Math.max(1, parsed.pageCount());
        boolean[] covered = new boolean[pages + 1];
        int last = -1;
        int cursor = 1;
        for (Block block : parsed.blocks()) {
            if (!block.isHeading()) {
                continue;
            }
            int page = Math.min(pages, Math.max(1, block.page()));
            if (last > 0) {
                mark(covered, last, page - 1);
            }
            last = page;
            cursor = page;
        }
        if (last > 0) {
            mark(covered, last, pages);
        }
        int count = 0;
        for (int p = 1; p <= pages; p++) {
            count += covered[p] ? 1 : 0;
        }
        return cursor > 0 ? (double) count / pages : 0;
    }

    private static void mark(boolean[] covered, int from, int to) {
        for (int p = from; p <= Math.min(to, from + MAX_SECTION_PAGES - 1); p++) {
            covered[p] = true;
        }
    }

    static String confidence(StructureSource source, int headings, Double agreement, double coverage) {
        if (headings == 0 || source == StructureSource.PAGES || source == StructureSource.PARAGRAPHS
                || coverage < 0.5) {
            return StructureReport.LOW;
        }
        boolean declared = source == StructureSource.OUTLINE || source == StructureSource.HEADINGS
                || source == StructureSource.SLIDES;
        if (coverage >= 0.8 && (declared || agreement != null && agreement >= 0.7)) {
            return StructureReport.HIGH;
        }
        if (source == StructureSource.LAYOUT && (agreement == null || agreement < 0.3) && coverage < 0.8) {
            return StructureReport.LOW;
        }
        return StructureReport.MEDIUM;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
