package io.vectorless.query.navigate;

import io.vectorless.schema.tree.TreeNode;

import java.util.Optional;

/** A routed document with its whole tree loaded. */
public record IndexedDocument(DocumentCard card, TreeNode root) {

    public Optional<TreeNode> find(String nodeId) {
        return root.flatten().stream().filter(n -> n.nodeId().equals(nodeId)).findFirst();
    }
}
