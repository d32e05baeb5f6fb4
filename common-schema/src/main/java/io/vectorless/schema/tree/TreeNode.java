package io.vectorless.schema.tree;

import java.util.List;

/**
 * One section of a document's tree. Node ids are dotted ("1", "1.2", "1.2.3") under a {@code root} node.
 *
 * @param imageKeys object-storage keys of the images attached to this node (bounded per node)
 */
public record TreeNode(
        String nodeId,
        String title,
        String summary,
        int level,
        int startPage,
        int endPage,
        String text,
        List<String> imageKeys,
        List<TreeNode> children) {

    public static final String ROOT_ID = "root";

    public TreeNode {
        imageKeys = imageKeys == null ? List.of() : List.copyOf(imageKeys);
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** The page range as the API shows it: "3" or "1-3". */
    public String pages() {
        return Pages.range(startPage, endPage);
    }

    /** This node and every node below it, depth first in document order. */
    public List<TreeNode> flatten() {
        List<TreeNode> out = new java.util.ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(TreeNode node, List<TreeNode> out) {
        out.add(node);
        for (TreeNode child : node.children()) {
            collect(child, out);
        }
    }
}
