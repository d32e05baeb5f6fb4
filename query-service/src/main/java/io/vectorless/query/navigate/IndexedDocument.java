package io.vectorless.query.navigate;

import io.vectorless.schema.tree.TreeNode;
import io.vectorless.search.DocumentSearchIndex;

import java.util.Optional;

/** A document with its version's search index opened. */
public record IndexedDocument(DocumentCard card, DocumentSearchIndex index) {

    /** The node and its sub-sections, with their texts. */
    public Optional<TreeNode> find(String nodeId) {
        return index.subtree(nodeId);
    }

    /** The table of contents: titles, summaries and pages, without texts. */
    public TreeNode outline() {
        return index.outline();
    }
}
