package io.vectorless.gateway.trees;

import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.gateway.trees.storage.IndexerNodes;
import io.vectorless.schema.store.NodeApi;
import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.schema.store.StoredNode;
import io.vectorless.schema.store.StoredNodes;
import io.vectorless.schema.tree.Pages;
import io.vectorless.schema.tree.TreeNode;
import io.vectorless.support.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree views of the live ({@code indexedVersion}) version, whose nodes the indexer answers for; JSON shapes as
 * the API shows them.
 */
@Service
public class TreeService {
    private static final Logger log = LoggerFactory.getLogger(TreeService.class);

    private final DocumentStore docs;
    private final IndexerNodes nodes;
    private final ObjectStore objects;

    public TreeService(DocumentStore docs, IndexerNodes nodes, ObjectStore objects) {
        this.docs = docs;
        this.nodes = nodes;
        this.objects = objects;
    }

    public Map<String, Object> tree(long documentId) {
        DocumentRecord doc = indexed(documentId);
        TreeNode root = StoredNodes.assemble(nodes.outline(documentId, doc.indexedVersion()))
                .filter(node -> TreeNode.ROOT_ID.equals(node.nodeId()))
                .orElseThrow(() -> ApiException.notFound("Tree of document " + documentId + " not found"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("node_id", TreeNode.ROOT_ID);
        out.put("title", doc.docTitle() != null ? doc.docTitle() : root.title());
        out.put("summary", !root.summary().isEmpty() || doc.rootSummary() == null ? root.summary() : doc.rootSummary());
        out.put("children", children(root));
        return out;
    }

    private static List<Map<String, Object>> children(TreeNode parent) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TreeNode child : parent.children()) {
            Map<String, Object> node = summaryOf(child.nodeId(), child.title(), child.summary(), child.pages());
            List<Map<String, Object>> grandChildren = children(child);
            if (!grandChildren.isEmpty()) {
                node.put("children", grandChildren);
            }
            out.add(node);
        }
        return out;
    }

    public Map<String, Object> node(long documentId, String nodeId) {
        DocumentRecord doc = indexed(documentId);
        NodeApi.NodeDetail detail = nodes.node(documentId, doc.indexedVersion(), nodeId).orElseThrow(() ->
                ApiException.notFound("Node '" + nodeId + "' not found in document " + documentId));
        StoredNode node = detail.node();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("node_id", node.nodeId());
        out.put("title", node.title());
        out.put("summary", node.summary());
        out.put("level", node.level());
        out.put("start_page", node.startPage());
        out.put("end_page", node.endPage());
        out.put("text", node.text() == null ? "" : node.text());
        List<Map<String, Object>> images = new ArrayList<>();
        for (String key : node.imageKeys()) {
            try {
                images.add(image(key));
            } catch (ObjectStore.ObjectStoreException missing) {
                // an image that cannot be read must not hide the section's text
                log.warn("image {} of document {} unreadable: {}", key, documentId, missing.getMessage());
            }
        }
        out.put("images", images);
        out.put("children", detail.children().stream().map(TreeService::summaryOf).toList());
        return out;
    }

    private Map<String, Object> image(String key) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("data", Base64.getEncoder().encodeToString(objects.getBytes(key)));
        image.put("media_type", ObjectKeys.imageMediaType(key));
        int page = ObjectKeys.imagePage(key);
        image.put("caption", page > 0 ? "Page " + page + " visual content" : "Visual content");
        return image;
    }

    private static Map<String, Object> summaryOf(StoredNode node) {
        return summaryOf(node.nodeId(), node.title(), node.summary(), Pages.range(node.startPage(), node.endPage()));
    }

    private static Map<String, Object> summaryOf(String nodeId, String title, String summary, String pages) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("node_id", nodeId);
        out.put("title", title);
        out.put("summary", summary);
        out.put("pages", pages);
        return out;
    }

    /** A document with a live tree; 409 while none is indexed yet, so a client knows to wait rather than give up. */
    private DocumentRecord indexed(long documentId) {
        DocumentRecord doc = docs.find(documentId).orElseThrow(() -> ApiException.notFound("Document " + documentId
                + " not found"));
        if (doc.indexedVersion() <= 0) {
            String state = doc.error() == null ? doc.status().wire() : doc.status().wire() + " (" + doc.error() + ")";
            throw ApiException.conflict("Document " + documentId + " is not indexed yet, status: " + state);
        }
        return doc;
    }
}
