package io.vectorless.schema.parsed;

import java.util.List;
import java.util.Map;

/**
 * How the document's structure was found and how far to trust it, made at ingest, stored with the tree and served
 * with the document, so a weak tree is visible rather than silent.
 *
 * @param primary    where the headings mainly came from ({@code outline}, {@code contents}, {@code layout},
 *                   {@code headings}, {@code slides}, {@code pages}, {@code paragraphs})
 * @param sources    every source the parser found and how many entries each gave ({@code outline},
 *                   {@code contents}, {@code layout}, {@code conventions}, ...)
 * @param agreement  share of the headings kept that a second, independent source confirms (0-1); null when there
 *                   was no second source to compare with
 * @param coverage   share of the pages that lie under a real heading (after the first heading of the document)
 * @param headings   headings in the tree the indexer builds from this document
 * @param confidence {@code high}, {@code medium} or {@code low}
 * @param notes      what the parser combined or worked around, in words a person can read
 */
public record StructureReport(
        String primary,
        Map<String, Integer> sources,
        Double agreement,
        double coverage,
        int headings,
        String confidence,
        List<String> notes) {

    public static final String HIGH = "high";
    public static final String MEDIUM = "medium";
    public static final String LOW = "low";

    public StructureReport {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
