package io.vectorless.indexer.tree;

import io.vectorless.schema.tree.TreeNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A document's tree and its figures.
 *
 * @param nodeCount  every node except {@code root}
 * @param imageCount distinct images attached to at least one node
 * @param pageCount  the document's pages (or the last page any block is on, when the parser did not know)
 * @param textBytes  UTF-8 bytes of the parsed text
 */
public record BuiltTree(TreeNode root, String docTitle, int nodeCount, int imageCount, int pageCount,
                        long textBytes) {

    /** Every node including root, depth first in document order. */
    public List<TreeNode> nodes() {
        return root.flatten();
    }

    public String rootSummary() {
        return root.summary();
    }

    /** The same tree with the summaries of the given node ids replaced (text is shared, not copied). */
    public BuiltTree withSummaries(Map<String, String> summaries) {
        return new BuiltTree(replace(root, summaries), docTitle, nodeCount, imageCount, pageCount, textBytes);
    }

    private static TreeNode replace(TreeNode node, Map<String, String> summaries) {
        List<TreeNode> children = new ArrayList<>(node.children().size());
        for (TreeNode child : node.children()) {
            children.add(replace(child, summaries));
        }
        String summary = summaries.getOrDefault(node.nodeId(), node.summary());
        return new TreeNode(node.nodeId(), node.title(), summary, node.level(), node.startPage(), node.endPage(),
                node.text(), node.imageKeys(), children);
    }
}
