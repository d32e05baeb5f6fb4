package io.vectorless.gateway.workspaces.web;

import io.vectorless.gateway.web.TextRules;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vectorless.gateway.access.WorkspaceAccess;
import io.vectorless.gateway.workspaces.WorkspaceService;
import io.vectorless.gateway.domain.FieldLimits;
import io.vectorless.support.web.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import java.util.List;

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
    record CreateWorkspace(
            @NotBlank(message = TextRules.REQUIRED) @Size(max = FieldLimits.WORKSPACE_NAME, message = TextRules.TOO_LONG)
            @Pattern(regexp = TextRules.PLAIN, message = TextRules.PLAIN_MESSAGE) String name,
            @Size(max = FieldLimits.DESCRIPTION, message = TextRules.TOO_LONG)
            @Pattern(regexp = TextRules.PLAIN, message = TextRules.PLAIN_MESSAGE) String description,
            @Schema(description = "Defaults to 'default'; with a user key it may be left out and must otherwise be the"
                    + " key's own user")
            @Size(max = FieldLimits.USERNAME, message = TextRules.TOO_LONG)
            @Pattern(regexp = TextRules.ONE_LINE, message = TextRules.ONE_LINE_MESSAGE) String ownerUsername) {
    }

    /** Only the fields given change. */
    record UpdateWorkspace(
            @Size(max = FieldLimits.WORKSPACE_NAME, message = TextRules.TOO_LONG)
            @Pattern(regexp = TextRules.PLAIN, message = TextRules.PLAIN_MESSAGE) String name,
            @Size(max = FieldLimits.DESCRIPTION, message = TextRules.TOO_LONG)
            @Pattern(regexp = TextRules.PLAIN, message = TextRules.PLAIN_MESSAGE) String description) {
    }

    @Schema(name = "WorkspaceDeleted")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WorkspaceDeleted(@Schema(allowableValues = "deleted") String status, long workspaceId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WorkspaceView create(Caller caller, @Valid @RequestBody CreateWorkspace body) {
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
    WorkspaceView update(Caller caller, @PathVariable("workspace_id") long id,
                         @Valid @RequestBody UpdateWorkspace body) {
        access.workspace(caller, id);
        return WorkspaceView.of(workspaces.update(id, body.name(), body.description()));
    }

    @DeleteMapping("/{workspace_id}")
    @ApiResponse(responseCode = "200", description = "The workspace, its documents and their trees are deleted")
    WorkspaceDeleted delete(Caller caller, @PathVariable("workspace_id") long id) {
        access.workspace(caller, id);
        workspaces.delete(id);
        return new WorkspaceDeleted("deleted", id);
    }
}
