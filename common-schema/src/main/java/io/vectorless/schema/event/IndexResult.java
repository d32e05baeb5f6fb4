package io.vectorless.schema.event;

/** What the indexer found, carried on the final {@code indexed} status so the gateway can fill the document in. */
public record IndexResult(
        String docTitle,
        String rootSummary,
        int nodeCount,
        int imageCount,
        int pageCount,
        long textBytes,
        long indexBytes,
        int llmCalls) {
}
