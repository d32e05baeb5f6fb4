package io.vectorless.schema.event;

import io.vectorless.schema.parsed.StructureReport;

/**
 * What the indexer found, carried on the final {@code indexed} status so the gateway can fill the document in and
 * query-service can list the version as answerable; {@code structure} is the parser's report on how the tree's
 * sections were found, {@code fileName} the uploaded file's name (both null from older producers).
 */
public record IndexResult(
        String docTitle,
        String rootSummary,
        int nodeCount,
        int imageCount,
        int pageCount,
        long textBytes,
        long indexBytes,
        int llmCalls,
        StructureReport structure,
        String fileName) {

    public IndexResult(String docTitle, String rootSummary, int nodeCount, int imageCount, int pageCount,
                       long textBytes, long indexBytes, int llmCalls) {
        this(docTitle, rootSummary, nodeCount, imageCount, pageCount, textBytes, indexBytes, llmCalls, null);
    }

    public IndexResult(String docTitle, String rootSummary, int nodeCount, int imageCount, int pageCount,
                       long textBytes, long indexBytes, int llmCalls, StructureReport structure) {
        this(docTitle, rootSummary, nodeCount, imageCount, pageCount, textBytes, indexBytes, llmCalls, structure, null);
    }
}
