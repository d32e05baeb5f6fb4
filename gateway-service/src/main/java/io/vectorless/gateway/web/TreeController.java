package io.vectorless.gateway.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vectorless.gateway.access.WorkspaceAccess;
import io.vectorless.gateway.documents.TreeService;
import io.vectorless.support.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
@RequestMapping("/api/documents/{doc_id}/tree")
class TreeController {
    private final TreeService trees;
    private final WorkspaceAccess access;

    TreeController(TreeService trees, WorkspaceAccess access) {
        this.trees = trees;
        this.access = access;
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "The section tree without texts",
            content = @Content(schema = @Schema(implementation = ApiSchemas.TreeNode.class)))
    Map<String, Object> tree(Caller caller, @PathVariable("doc_id") long docId) {
        access.document(caller, docId);
        return trees.tree(docId);
    }

    @GetMapping("/{node_id}")
    @ApiResponse(responseCode = "200", description = "One section with its text and images",
            content = @Content(schema = @Schema(implementation = ApiSchemas.NodeDetail.class)))
    Map<String, Object> node(Caller caller, @PathVariable("doc_id") long docId,
                             @PathVariable("node_id") String nodeId) {
        access.document(caller, docId);
        return trees.node(docId, nodeId);
    }
}
