package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vectorless.gateway.access.WorkspaceAccess;
import io.vectorless.gateway.documents.WorkspaceService;
import io.vectorless.gateway.domain.FieldLimits;
import io.vectorless.support.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/workspaces")
class WorkspaceController {
    private final WorkspaceService workspaces;
    private final WorkspaceAccess access;

    WorkspaceController(WorkspaceService workspaces, WorkspaceAccess access) {
        this.workspaces = workspaces;
        this.access = access;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CreateWorkspace(String name, String description, String ownerUsername) {
    }

    record UpdateWorkspace(String name, String description) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WorkspaceView create(Caller caller, @RequestBody CreateWorkspace body) {
        FieldLimits.check("name", body.name(), FieldLimits.WORKSPACE_NAME);
        FieldLimits.check("description", body.description(), FieldLimits.DESCRIPTION);
        String owner = WorkspaceAccess.actingUser(caller, "owner_username", body.ownerUsername(), null);
        return WorkspaceView.of(workspaces.create(body.name(), body.description(), owner));
    }

    /** A user key lists its own workspaces; the admin lists everyone's, or one owner's. */
    @GetMapping
    List<WorkspaceView> list(Caller caller,
                             @RequestParam(name = "owner_username", required = false) String ownerUsername) {
        String owner = WorkspaceAccess.actingUser(caller, "owner_username", ownerUsername, null);
        return workspaces.list(owner).stream().map(WorkspaceView::of).toList();
    }

    @PatchMapping("/{workspace_id}")
    WorkspaceView update(Caller caller, @PathVariable("workspace_id") long id, @RequestBody UpdateWorkspace body) {
        FieldLimits.check("name", body.name(), FieldLimits.WORKSPACE_NAME);
        FieldLimits.check("description", body.description(), FieldLimits.DESCRIPTION);
        access.workspace(caller, id);
        return WorkspaceView.of(workspaces.update(id, body.name(), body.description()));
    }

    @DeleteMapping("/{workspace_id}")
    @ApiResponse(responseCode = "200", description = "The workspace, its documents and their trees are deleted",
            content = @Content(schema = @Schema(implementation = ApiSchemas.WorkspaceDeleted.class)))
    Map<String, Object> delete(Caller caller, @PathVariable("workspace_id") long id) {
        access.workspace(caller, id);
        workspaces.delete(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "deleted");
        out.put("workspace_id", id);
        return out;
    }
}
