package io.vectorless.gateway.web;

import io.vectorless.gateway.documents.TreeService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
@RequestMapping("/api/documents/{doc_id}/tree")
class TreeController {
    private final TreeService trees;

    TreeController(TreeService trees) {
        this.trees = trees;
    }

    @GetMapping
    Map<String, Object> tree(@PathVariable("doc_id") long docId) {
        return trees.tree(docId);
    }

    @GetMapping("/{node_id}")
    Map<String, Object> node(@PathVariable("doc_id") long docId, @PathVariable("node_id") String nodeId) {
        return trees.node(docId, nodeId);
    }
}
