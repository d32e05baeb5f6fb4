package io.vectorless.gateway.workspaces.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vectorless.gateway.access.WorkspaceAccess;
import io.vectorless.gateway.domain.WorkspaceRecord;
import io.vectorless.gateway.workspaces.WorkspaceService;
import io.vectorless.support.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every workspace the caller may see as an OpenAI model {@code pageindex-ws-{id}}. Answered here, where the
 * workspaces live, rather than by query-service, which keeps no copy of them.
 */
@RestController
class ModelController {
    static final String MODEL_PREFIX = "pageindex-ws-";
    private static final Pattern MODEL = Pattern.compile(Pattern.quote(MODEL_PREFIX) + "(\\d{1,18})");

    private final WorkspaceService workspaces;
    private final WorkspaceAccess access;

    ModelController(WorkspaceService workspaces, WorkspaceAccess access) {
        this.workspaces = workspaces;
        this.access = access;
    }

    @Schema(name = "ModelList", description = "Every workspace as a selectable model")
    record ModelList(@Schema(allowableValues = "list") String object, List<Model> data) {
    }

    @Schema(name = "Model")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Model(@Schema(example = "pageindex-ws-1") String id, @Schema(allowableValues = "model") String object,
                 long created, String ownedBy, @Schema(description = "The workspace's name") String name) {
        static Model of(WorkspaceRecord ws) {
            return new Model(MODEL_PREFIX + ws.id(), "model",
                    ws.createdAt() == null ? 0 : ws.createdAt().getEpochSecond(), "pageindex", ws.name());
        }
    }

    @Schema(name = "OpenAiError", description = "An error in OpenAI's shape, which the SDKs read")
    record OpenAiError(String detail, Body error) {
        record Body(String message, String type, String code, String param) {
        }
    }

    @GetMapping("/v1/models")
    @ApiResponse(responseCode = "200", description = "Every workspace the caller may see, as a model")
    ModelList models(Caller caller) {
        List<WorkspaceRecord> visible = workspaces.list(caller.admin() ? null : caller.username());
        return new ModelList("list", visible.stream().map(Model::of).toList());
    }

    @GetMapping("/v1/models/{model}")
    @ApiResponse(responseCode = "200", description = "One workspace as a model")
    @ApiResponse(responseCode = "404", description = "No such model (or one the caller may not see)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = OpenAiError.class)))
    ResponseEntity<Object> model(Caller caller, @PathVariable String model) {
        Optional<WorkspaceRecord> found = workspaceOf(model)
                .filter(id -> access.canSeeWorkspace(caller, id))
                .map(workspaces::get);
        if (found.isEmpty()) {
            String detail = "The model '" + model + "' does not exist; models are " + MODEL_PREFIX
                    + "{workspace id}, see GET /v1/models";
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new OpenAiError(detail,
                    new OpenAiError.Body(detail, "invalid_request_error", "model_not_found", "model")));
        }
        return ResponseEntity.ok(Model.of(found.get()));
    }

    private static Optional<Long> workspaceOf(String model) {
        Matcher m = MODEL.matcher(model == null ? "" : model);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }
}
