package io.vectorless.schema.store;

import java.util.List;

/**
 * One record of the {@code nodes} collection: one tree node of one version of one document. Written only by the
 * indexer; read by the gateway (tree endpoints) and query-service. A 1,000-page book is many small records, never
 * one giant document.
 *
 * @param id        {@code "{documentId}:{version}:{nodeId}"}, see {@link #idOf}
 * @param parentId  the parent's node id ({@code null} for root)
 * @param ordinal   position in document order (root = 0), for sorting
 * @param childIds  the children's node ids in order
 * @param tokens    approximate token count of {@code text}
 */
public record StoredNode(
        String id,
        long documentId,
        int version,
        long workspaceId,
        String nodeId,
        String parentId,
        int level,
        int ordinal,
        String title,
        String summary,
        int startPage,
        int endPage,
        String text,
        List<String> imageKeys,
        List<String> childIds,
        int tokens) {

    public StoredNode {
        imageKeys = present(imageKeys);
        childIds = present(childIds);
    }

    private static List<String> present(List<String> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
    }

    public static String idOf(long documentId, int version, String nodeId) {
        return documentId + ":" + version + ":" + nodeId;
    }
}
