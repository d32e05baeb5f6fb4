package io.vectorless.indexer.summary;

import io.vectorless.indexer.tree.BuiltTree;

import java.util.List;

/**
 * The tree with its summaries, and how they were written.
 *
 * @param llmCalls       chat calls made (re-asks included)
 * @param quickFallbacks nodes (root included) that kept a quick summary because the model gave none
 * @param warnings       what went wrong, in words a person can read
 */
public record SummaryOutcome(BuiltTree tree, int llmCalls, int quickFallbacks, List<String> warnings) {
    public SummaryOutcome {
        warnings = List.copyOf(warnings);
    }
}
