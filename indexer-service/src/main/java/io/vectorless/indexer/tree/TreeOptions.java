package io.vectorless.indexer.tree;

/**
 * Limits the tree builder works to.
 *
 * @param maxPagesPerNode     a node's own text spanning more pages than this is split into parts
 * @param maxTokensPerNode    a node's own text longer than this (about four characters a token) is split into parts
 * @param mergeThresholdChars sibling leaves shorter than this may be merged (page and paragraph groups only)
 * @param maxImagesPerNode    images attached to one node at most
 * @param groupTokens         target size of a paragraph group when the document has no headings
 * @param summaryChars        length of a quick summary
 */
public record TreeOptions(int maxPagesPerNode, int maxTokensPerNode, int mergeThresholdChars, int maxImagesPerNode,
                          int groupTokens, int summaryChars) {

    public TreeOptions {
        if (maxPagesPerNode < 1 || maxTokensPerNode < 100 || mergeThresholdChars < 0 || maxImagesPerNode < 0
                || groupTokens < 50 || summaryChars < 40) {
            throw new IllegalArgumentException("tree options out of range: " + this);
        }
        groupTokens = Math.min(groupTokens, maxTokensPerNode);
    }

    public static TreeOptions defaults() {
        return new TreeOptions(10, 20_000, 200, 4, 2_000, 200);
    }

    int maxChars() {
        return maxTokensPerNode * TextCuts.CHARS_PER_TOKEN;
    }
}
