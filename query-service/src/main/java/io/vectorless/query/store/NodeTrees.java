package io.vectorless.query.store;

import io.vectorless.schema.tree.TreeNode;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds a tree from its node records (sorted by ordinal). Children come from {@code childIds}, or from
 * {@code parentId} when a record lists none; a record pointing at itself or in a loop is not followed twice.
 */
final class NodeTrees {
    private NodeTrees() {
    }

    static Optional<TreeNode> build(List<Document> records) {
        Map<String, Document> byId = new LinkedHashMap<>();
        for (Document record : records) {
            String nodeId = record.getString("nodeId");
            if (nodeId != null) {
                byId.putIfAbsent(nodeId, record);
            }
        }
        Map<String, List<String>> childrenByParent = new LinkedHashMap<>();
        Document root = null;
        for (Document record : byId.values()) {
            String parent = record.getString("parentId");
            if (parent == null || parent.isBlank()) {
                if (root == null || TreeNode.ROOT_ID.equals(record.getString("nodeId"))) {
                    root = record;
                }
            } else {
                childrenByParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(record.getString("nodeId"));
            }
        }
        if (root == null) {
            return Optional.empty();
        }
        return Optional.of(node(root, byId, childrenByParent, new HashSet<>()));
    }

    private static TreeNode node(Document record, Map<String, Document> byId, Map<String, List<String>> byParent,
                                 Set<String> visited) {
        String nodeId = record.getString("nodeId");
        visited.add(nodeId);
        List<String> childIds = strings(record.get("childIds"));
        if (childIds.isEmpty()) {
            childIds = byParent.getOrDefault(nodeId, List.of());
        }
        List<TreeNode> children = new ArrayList<>();
        for (String childId : childIds) {
            Document child = byId.get(childId);
            if (child != null && !visited.contains(childId)) {
                children.add(node(child, byId, byParent, visited));
            }
        }
        return new TreeNode(nodeId, text(record, "title"), text(record, "summary"), integer(record, "level"),
                integer(record, "startPage"), integer(record, "endPage"), text(record, "text"),
                strings(record.get("imageKeys")), children);
    }

    private static String text(Document record, String field) {
        Object value = record.get(field);
        return value == null ? "" : value.toString();
    }

    private static int integer(Document record, String field) {
        return record.get(field) instanceof Number n ? n.intValue() : 0;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(v -> v != null).forEach(v -> out.add(v.toString()));
        }
        return out;
    }
}
