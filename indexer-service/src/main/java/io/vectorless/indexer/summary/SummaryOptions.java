package io.vectorless.indexer.summary;

/**
 * How summaries are asked for.
 *
 * @param batchTokens      estimated prompt tokens of sections packed into one call
 * @param concurrency      calls in flight at once for one document
 * @param maxInputChars    characters of a node's own text shown to the model
 * @param maxNodesPerBatch sections in one call at most, so the answer stays short enough to come back whole
 * @param model            the model to use, or null for the configured default
 */
public record SummaryOptions(int batchTokens, int concurrency, int maxInputChars, int maxNodesPerBatch, String model) {

    public SummaryOptions {
        if (batchTokens < 200 || concurrency < 1 || maxInputChars < 100 || maxNodesPerBatch < 1) {
            throw new IllegalArgumentException("summary options out of range: " + this);
        }
    }

    public static SummaryOptions defaults() {
        return new SummaryOptions(6_000, 4, 3_000, 20, null);
    }
}
