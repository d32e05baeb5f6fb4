package io.vectorless.schema.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The indexer's HTTP answers about the nodes it owns, which the gateway's tree endpoints ask for instead of reading
 * the {@code nodes} collection. Both answers name one immutable version, which the asking side chose from its own
 * record of the live version; a version that is gone answers 404. The JSON is {@link StoredNode}'s; the contract
 * fixtures {@code tree-outline.json} and {@code tree-node.json} hold a sample of each.
 */
public final class NodeApi {
    /** The version's nodes in document order, without their texts: {@code List<StoredNode>}. */
    public static final String OUTLINE = "/internal/documents/{documentId}/versions/{version}/outline";
    /** One node with its text, and its children in order without theirs: {@link NodeDetail}. */
    public static final String NODE = "/internal/documents/{documentId}/versions/{version}/nodes/{nodeId}";

    private NodeApi() {
    }

    public record NodeDetail(StoredNode node, List<StoredNode> children) {
        public NodeDetail {
            children = children == null ? List.of() : List.copyOf(children);
        }
    }

    public static String outline(long documentId, int version) {
        return OUTLINE.replace("{documentId}", Long.toString(documentId)).replace("{version}", Integer.toString(version));
    }

    public static String node(long documentId, int version, String nodeId) {
        return NODE.replace("{documentId}", Long.toString(documentId)).replace("{version}", Integer.toString(version))
                .replace("{nodeId}", URLEncoder.encode(nodeId, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
