package io.vectorless.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * query-service settings ({@code vectorless.query.*}).
 *
 * @param maxDocs           documents a question is routed to at most
 * @param maxNodes          sections chosen per document at most
 * @param routingCandidates documents shown to the routing call at most (pre-ranked by BM25 beyond that)
 * @param maxContextChars   context handed to the answer call (about 4 characters per token)
 * @param maxImages         images of the chosen sections returned and, for vision models, sent
 * @param maxOutlineChars   table of contents shown to one tree-search call
 * @param historyTurns      earlier chat messages used to understand follow-up questions
 * @param searchThreads     tree searches run in parallel across all questions
 * @param pageBudget        pages of context the lexical navigator picks at most
 * @param indexCacheDir     where search indexes are unpacked (empty: a directory under the system's temp dir)
 * @param maxOpenIndexes    search indexes kept open and unpacked on local disk at once (the least recently used
 *                          are closed and removed; object storage keeps every one)
 */
@Validated
@ConfigurationProperties("vectorless.query")
public record QueryProperties(
        @DefaultValue("3") @Min(1) int maxDocs,
        @DefaultValue("5") @Min(1) int maxNodes,
        @DefaultValue("20") @Min(1) int routingCandidates,
        @DefaultValue("24000") @Min(1000) int maxContextChars,
        @DefaultValue("4") @Min(0) int maxImages,
        @DefaultValue("16000") @Min(1000) int maxOutlineChars,
        @DefaultValue("6") @Min(0) int historyTurns,
        @DefaultValue("8") @Min(1) int searchThreads,
        @DefaultValue("5") @Min(1) int pageBudget,
        @DefaultValue("") String indexCacheDir,
        @DefaultValue("1000") @Min(1) int maxOpenIndexes) {
}
