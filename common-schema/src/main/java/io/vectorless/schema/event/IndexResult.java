package io.vectorless.schema.event;

import io.vectorless.schema.parsed.StructureReport;

/**
 * What the indexer found, carried on the final {@code indexed} status so the gateway can fill the document in and
 * query-service can list the version as answerable; {@code structure} is the parser's report on how the tree's
 * sections were found, {@code fileName} the uploaded file's name, {@code searchIndexKey} the object holding the
 * version's search index (its Lucene segment files, the section tree and texts), which query-service opens (all
 * three null from older producers; see {@link io.vectorless.schema.store.ObjectKeys#searchIndex(long, long, int)}).
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
        String fileName,
        String searchIndexKey) {

    public IndexResult(String docTitle, String rootSummary, int nodeCount, int imageCount, int pageCount,
                       long textBytes, long indexBytes, int llmCalls) {
        this(docTitle, rootSummary, nodeCount, imageCount, pageCount, textBytes, indexBytes, llmCalls, null);
    }

    public IndexResult(String docTitle, String rootSummary, int nodeCount, int imageCount, int pageCount,
                       long textBytes, long indexBytes, int llmCalls, StructureReport structure) {
        this(docTitle, rootSummary, nodeCount, imageCount, pageCount, textBytes, indexBytes, llmCalls, structure, null);
    }

    public IndexResult(String docTitle, String rootSummary, int nodeCount, int imageCount, int pageCount,
                       long textBytes, long indexBytes, int llmCalls, StructureReport structure, String fileName) {
        this(docTitle, rootSummary, nodeCount, imageCount, pageCount, textBytes, indexBytes, llmCalls, structure,
                fileName, null);
    }
}
