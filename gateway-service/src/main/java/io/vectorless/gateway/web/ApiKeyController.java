package io.vectorless.gateway.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vectorless.gateway.access.ApiKeyService;
import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.domain.ApiKeyRecord;
import io.vectorless.support.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
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

/** The admin's management of per-user API keys; a user key gets 403 here. */
@RestController
@RequestMapping("/api/keys")
class ApiKeyController {
    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    record CreateKey(@Schema(description = "The user the key acts for; it sees only workspaces this user owns",
            requiredMode = Schema.RequiredMode.REQUIRED) String username,
                     @Schema(description = "A label to tell keys apart") String name) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "The new key; `key` is shown this once and never again",
            content = @Content(schema = @Schema(implementation = ApiSchemas.ApiKeyCreated.class)))
    Map<String, Object> create(Caller caller, @RequestBody CreateKey body) {
        requireAdmin(caller);
        ApiKeyService.Created created = keys.create(body.username(), body.name());
        Map<String, Object> out = view(created.record());
        out.put("key", created.key());
        return out;
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "The keys (without the keys themselves)",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ApiSchemas.ApiKey.class))))
    List<Map<String, Object>> list(Caller caller, @RequestParam(name = "username", required = false) String username) {
        requireAdmin(caller);
        return keys.list(username).stream().map(ApiKeyController::view).toList();
    }

    @DeleteMapping("/{key_id}")
    @ApiResponse(responseCode = "200", description = "The key is revoked at once",
            content = @Content(schema = @Schema(implementation = ApiSchemas.ApiKeyDeleted.class)))
    Map<String, Object> delete(Caller caller, @PathVariable("key_id") String id) {
        requireAdmin(caller);
        keys.delete(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "deleted");
        out.put("key_id", id);
        return out;
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new ApiException(403, "Only the admin key (RAG_API_KEY) can manage API keys");
        }
    }

    private static Map<String, Object> view(ApiKeyRecord key) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", key.id());
        out.put("username", key.username());
        out.put("name", key.name());
        out.put("key_prefix", key.prefix());
        out.put("created_at", key.createdAt().toString());
        return out;
    }
}
