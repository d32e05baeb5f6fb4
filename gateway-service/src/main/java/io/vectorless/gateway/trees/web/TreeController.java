package io.vectorless.gateway.trees.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vectorless.gateway.access.WorkspaceAccess;
import io.vectorless.gateway.trees.TreeService;
import io.vectorless.support.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/documents/{doc_id}/tree")
class TreeController {
    private final TreeService trees;
    private final WorkspaceAccess access;
    private final ObjectMapper json;

    TreeController(TreeService trees, WorkspaceAccess access, ObjectMapper json) {
        this.trees = trees;
        this.access = access;
        this.json = json;
    }

    @Schema(name = "TreeNode", description = "A section without its text; children only where it has any")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TreeNodeView(
            String nodeId, String title,
            @Schema(types = {"string", "null"}) String summary,
            @Schema(description = "Page range such as 1-3; absent on the root", example = "1-3")
            @JsonInclude(JsonInclude.Include.NON_NULL) String pages,
            // by name: the model resolver drops a record's list of its own type otherwise
            @ArraySchema(schema = @Schema(ref = "TreeNode")) @JsonInclude(JsonInclude.Include.NON_NULL)
            List<TreeNodeView> children) {
    }

    @Schema(name = "NodeDetail", description = "One section with its full text, images and direct children")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NodeDetail(String nodeId, String title, @Schema(types = {"string", "null"}) String summary, int level,
                      @Schema(types = {"integer", "null"}, format = "int32") Integer startPage,
                      @Schema(types = {"integer", "null"}, format = "int32") Integer endPage,
                      String text, List<NodeImage> images, List<TreeNodeView> children) {
    }

    @Schema(name = "NodeImage")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NodeImage(@Schema(description = "Base64-encoded image bytes") String data, String mediaType,
                     String caption) {
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "The section tree without texts")
    TreeNodeView tree(Caller caller, @PathVariable("doc_id") long docId) {
        access.document(caller, docId);
        return json.convertValue(trees.tree(docId), TreeNodeView.class);
    }

    @GetMapping("/{node_id}")
    @ApiResponse(responseCode = "200", description = "One section with its text and images")
    NodeDetail node(Caller caller, @PathVariable("doc_id") long docId, @PathVariable("node_id") String nodeId) {
        access.document(caller, docId);
        return json.convertValue(trees.node(docId, nodeId), NodeDetail.class);
    }
}
