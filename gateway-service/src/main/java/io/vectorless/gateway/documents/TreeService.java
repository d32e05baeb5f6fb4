package io.vectorless.gateway.documents;

import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.gateway.storage.NodeStore;
import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.schema.store.StoredNode;
import io.vectorless.schema.tree.Pages;
import io.vectorless.schema.tree.TreeNode;
import io.vectorless.support.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tree views, read from the live ({@code indexedVersion}) nodes; JSON shapes as the API shows them. */
@Service
public class TreeService {
    private static final Logger log = LoggerFactory.getLogger(TreeService.class);

    private final DocumentStore docs;
    private final NodeStore nodes;
    private final ObjectStore objects;

    public TreeService(DocumentStore docs, NodeStore nodes, ObjectStore objects) {
        this.docs = docs;
        this.nodes = nodes;
        this.objects = objects;
    }

    public Map<String, Object> tree(long docId) {
        DocumentRecord doc = indexed(docId);
        List<StoredNode> all = nodes.outline(docId, doc.indexedVersion());
        Map<String, StoredNode> byId = new HashMap<>();
        Map<String, List<StoredNode>> byParent = new HashMap<>();
        for (StoredNode node : all) {
            byId.put(node.nodeId(), node);
            if (node.parentId() != null) {
                byParent.computeIfAbsent(node.parentId(), k -> new ArrayList<>()).add(node);
            }
        }
        StoredNode root = byId.get(TreeNode.ROOT_ID);
        if (root == null) {
            throw ApiException.notFound("Tree of document " + docId + " not found");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("node_id", TreeNode.ROOT_ID);
        out.put("title", doc.docTitle() != null ? doc.docTitle() : root.title());
        out.put("summary", root.summary() != null ? root.summary() : doc.rootSummary());
        out.put("children", children(root, byId, byParent));
        return out;
    }

    private List<Map<String, Object>> children(StoredNode parent, Map<String, StoredNode> byId,
                                               Map<String, List<StoredNode>> byParent) {
        List<StoredNode> kids = new ArrayList<>();
        if (!parent.childIds().isEmpty()) {
            for (String id : parent.childIds()) {
                StoredNode child = byId.get(id);
                if (child != null) {
                    kids.add(child);
                }
            }
        } else {
            kids.addAll(byParent.getOrDefault(parent.nodeId(), List.of()));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredNode child : kids) {
            Map<String, Object> node = summaryOf(child);
            List<Map<String, Object>> grandChildren = children(child, byId, byParent);
            if (!grandChildren.isEmpty()) {
                node.put("children", grandChildren);
            }
            out.add(node);
        }
        return out;
    }

    public Map<String, Object> node(long docId, String nodeId) {
        DocumentRecord doc = indexed(docId);
        StoredNode node = nodes.find(docId, doc.indexedVersion(), nodeId).orElseThrow(() ->
                ApiException.notFound("Node '" + nodeId + "' not found in document " + docId));
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
                log.warn("image {} of document {} unreadable: {}", key, docId, missing.getMessage());
            }
        }
        out.put("images", images);
        out.put("children", nodes.children(docId, doc.indexedVersion(), node.nodeId()).stream()
                .map(TreeService::summaryOf).toList());
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("node_id", node.nodeId());
        out.put("title", node.title());
        out.put("summary", node.summary());
        out.put("pages", Pages.range(node.startPage(), node.endPage()));
        return out;
    }

    /** A document with a live tree; 409 while none is indexed yet, so a client knows to wait rather than give up. */
    private DocumentRecord indexed(long docId) {
        DocumentRecord doc = docs.find(docId).orElseThrow(() -> ApiException.notFound("Document " + docId
                + " not found"));
        if (doc.indexedVersion() <= 0) {
            String state = doc.error() == null ? doc.status().wire() : doc.status().wire() + " (" + doc.error() + ")";
            throw ApiException.conflict("Document " + docId + " is not indexed yet, status: " + state);
        }
        return doc;
    }
}
