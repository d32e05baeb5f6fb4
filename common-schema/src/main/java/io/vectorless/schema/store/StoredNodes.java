package io.vectorless.schema.store;

import io.vectorless.schema.tree.TreeNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The one mapping between a tree and its {@code nodes} records: the indexer flattens a tree into records, and every
 * reader (the gateway's tree endpoints, query-service) assembles records back into the tree with {@link #assemble}.
 */
public final class StoredNodes {
    private StoredNodes() {
    }

    /**
     * The records of one document version's tree, in document order ({@code ordinal} 0 is the root).
     *
     * @param tokens approximate token count of a node's text
     */
    public static List<StoredNode> flatten(long documentId, int version, long workspaceId, TreeNode root,
                                           ToIntFunction<String> tokens) {
        List<StoredNode> out = new ArrayList<>();
        collect(documentId, version, workspaceId, root, null, tokens, out);
        return out;
    }

    private static void collect(long documentId, int version, long workspaceId, TreeNode node, String parentId,
                                ToIntFunction<String> tokens, List<StoredNode> out) {
        List<String> childIds = node.children().stream().map(TreeNode::nodeId).toList();
        String text = node.text() == null ? "" : node.text();
        out.add(new StoredNode(StoredNode.idOf(documentId, version, node.nodeId()), documentId, version, workspaceId,
                node.nodeId(), parentId, node.level(), out.size(), node.title(), node.summary(), node.startPage(),
                node.endPage(), text, node.imageKeys(), childIds, tokens.applyAsInt(text)));
        for (TreeNode child : node.children()) {
            collect(documentId, version, workspaceId, child, node.nodeId(), tokens, out);
        }
    }

    /**
     * Rebuilds the tree from its records (in any order; document order is kept from {@code childIds}, or from the
     * records' order when a record lists none and its children are found by {@code parentId}). The root is the
     * record without a parent, {@code root} preferred. A record pointing at itself or in a loop is not followed
     * twice. Missing strings read as "" (a reader that left {@code text} out of its query gets "").
     *
     * @return empty when no record can be the root
     */
    public static Optional<TreeNode> assemble(List<StoredNode> records) {
        Map<String, StoredNode> byId = new LinkedHashMap<>();
        for (StoredNode record : records) {
            if (record.nodeId() != null) {
                byId.putIfAbsent(record.nodeId(), record);
            }
        }
        Map<String, List<String>> childrenByParent = new LinkedHashMap<>();
        StoredNode root = null;
        for (StoredNode record : byId.values()) {
            String parent = record.parentId();
            if (parent == null || parent.isBlank()) {
                if (root == null || TreeNode.ROOT_ID.equals(record.nodeId())) {
                    root = record;
                }
            } else {
                childrenByParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(record.nodeId());
            }
        }
        if (root == null) {
            return Optional.empty();
        }
        return Optional.of(node(root, byId, childrenByParent, new HashSet<>()));
    }

    private static TreeNode node(StoredNode record, Map<String, StoredNode> byId, Map<String, List<String>> byParent,
                                 Set<String> visited) {
        visited.add(record.nodeId());
        List<String> childIds = record.childIds().isEmpty()
                ? byParent.getOrDefault(record.nodeId(), List.of()) : record.childIds();
        List<TreeNode> children = new ArrayList<>();
        for (String childId : childIds) {
            StoredNode child = childId == null ? null : byId.get(childId);
            if (child != null && !visited.contains(childId)) {
                children.add(node(child, byId, byParent, visited));
            }
        }
        return new TreeNode(record.nodeId(), orEmpty(record.title()), orEmpty(record.summary()), record.level(),
                record.startPage(), record.endPage(), orEmpty(record.text()), record.imageKeys(), children);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
