package io.vectorless.indexer.config;

import io.vectorless.indexer.summary.SummaryOptions;
import io.vectorless.indexer.tree.TreeOptions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The indexer's settings ({@code vectorless.indexer.*}). */
@Validated
@ConfigurationProperties("vectorless.indexer")
public record IndexerProperties(@Valid @DefaultValue Tree tree, @Valid @DefaultValue Summary summary) {

    /** How nodes are shaped. */
    public record Tree(
            @Min(1) @DefaultValue("10") int maxPagesPerNode,
            @Min(100) @DefaultValue("20000") int maxTokensPerNode,
            @Min(0) @DefaultValue("200") int mergeThresholdChars,
            @Min(0) @DefaultValue("4") int imagesPerNode,
            @Min(50) @DefaultValue("2000") int paragraphGroupTokens,
            @Min(40) @DefaultValue("200") int quickSummaryChars) {

        public TreeOptions toOptions() {
            return new TreeOptions(maxPagesPerNode, maxTokensPerNode, mergeThresholdChars, imagesPerNode,
                    paragraphGroupTokens, quickSummaryChars);
        }
    }

    /** How LLM summaries are asked for. */
    public record Summary(
            @Min(200) @DefaultValue("6000") int batchTokens,
            @Min(1) @DefaultValue("4") int concurrency,
            @Min(100) @DefaultValue("3000") int maxInputChars,
            @Min(1) @DefaultValue("20") int maxNodesPerBatch) {

        public SummaryOptions toOptions(String model) {
            return new SummaryOptions(batchTokens, concurrency, maxInputChars, maxNodesPerBatch, model);
        }
    }
}
