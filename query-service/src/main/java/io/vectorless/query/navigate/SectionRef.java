package io.vectorless.query.navigate;

import io.vectorless.schema.tree.TreeNode;

/** A chosen section: the node and the document it belongs to. */
public record SectionRef(long docId, String docTitle, TreeNode node) {

    /** "Section 2.1 (Title, pages 3-4)", the form answers cite. */
    public String citation() {
        String pages = node.pages();
        String where = pages.isEmpty() ? "" : (pages.contains("-") ? ", pages " : ", page ") + pages;
        String label = TreeNode.ROOT_ID.equals(node.nodeId()) ? "The document overview" : "Section " + node.nodeId();
        return label + " (" + node.title() + where + ")";
    }
}
