package io.vectorless.indexer.web;

import io.vectorless.indexer.storage.NodeStore;
import io.vectorless.schema.store.NodeApi;
import io.vectorless.schema.store.StoredNode;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The nodes this service owns, for the gateway's tree endpoints ({@link NodeApi}): the gateway names the version it
 * holds live, so an answer is always of that one immutable version, and a version that is gone answers 404.
 */
@RestController
class NodeController {
    private final NodeStore nodes;

    NodeController(NodeStore nodes) {
        this.nodes = nodes;
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    @GetMapping(NodeApi.OUTLINE)
    List<StoredNode> outline(@PathVariable long documentId, @PathVariable int version) {
        List<StoredNode> outline = nodes.outline(documentId, version);
        if (outline.isEmpty()) {
            throw new NotFound("Document " + documentId + " has no nodes for version " + version);
        }
        return outline;
    }

    @GetMapping(NodeApi.NODE)
    NodeApi.NodeDetail node(@PathVariable long documentId, @PathVariable int version, @PathVariable String nodeId) {
        StoredNode node = nodes.find(documentId, version, nodeId).orElseThrow(() ->
                new NotFound("Node '" + nodeId + "' not found in document " + documentId + " version " + version));
        return new NodeApi.NodeDetail(node, nodes.children(documentId, version, nodeId));
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    Map<String, String> notFound(NotFound e) {
        return Map.of("detail", e.getMessage());
    }
}
