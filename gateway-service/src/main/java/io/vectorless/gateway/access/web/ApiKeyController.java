package io.vectorless.gateway.access.web;

import io.vectorless.gateway.web.TextRules;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vectorless.gateway.access.ApiKeyService;
import io.vectorless.gateway.domain.ApiKeyRecord;
import io.vectorless.gateway.domain.FieldLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import java.time.Instant;
import java.util.List;

/** The admin's management of per-user API keys; a user key gets 403 here ({@link AdminOnly}, before any binding). */
@RestController
@RequestMapping("/api/keys")
class ApiKeyController {
    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    record CreateKey(
            @Schema(description = "The user the key acts for; it sees only workspaces this user owns",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank(message = "is required: the user the key acts for")
            @Size(max = FieldLimits.USERNAME, message = TextRules.TOO_LONG)
            @Pattern(regexp = TextRules.ONE_LINE, message = TextRules.ONE_LINE_MESSAGE) String username,
            @Schema(description = "A label to tell keys apart")
            @Size(max = FieldLimits.KEY_NAME, message = TextRules.TOO_LONG)
            @Pattern(regexp = TextRules.PLAIN, message = TextRules.PLAIN_MESSAGE) String name) {
    }

    @Schema(name = "ApiKey", description = "A user's API key, without the key itself")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ApiKeyView(@Schema(description = "Key id, for DELETE /api/keys/{key_id}") String id,
                      @Schema(description = "The user the key acts for") String username, String name,
                      @Schema(description = "The first characters of the key, to tell keys apart") String keyPrefix,
                      Instant createdAt) {
        static ApiKeyView of(ApiKeyRecord key) {
            return new ApiKeyView(key.id(), key.username(), key.name(), key.prefix(), key.createdAt());
        }
    }

    @Schema(name = "ApiKeyCreated", description = "A new user key; `key` is shown this once and never again")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ApiKeyCreated(String id, String username, String name, String keyPrefix, Instant createdAt,
                         @Schema(description = "The key: send it as 'Authorization: Bearer <key>'") String key) {
    }

    @Schema(name = "ApiKeyDeleted")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ApiKeyDeleted(@Schema(allowableValues = "deleted") String status, String keyId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "The new key; `key` is shown this once and never again")
    ApiKeyCreated create(@Valid @RequestBody CreateKey body) {
        ApiKeyService.Created created = keys.create(body.username(), body.name());
        ApiKeyRecord key = created.record();
        return new ApiKeyCreated(key.id(), key.username(), key.name(), key.prefix(), key.createdAt(), created.key());
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "The keys (without the keys themselves)")
    List<ApiKeyView> list(@RequestParam(name = "username", required = false) String username) {
        return keys.list(username).stream().map(ApiKeyView::of).toList();
    }

    @DeleteMapping("/{key_id}")
    @ApiResponse(responseCode = "200", description = "The key is revoked at once")
    ApiKeyDeleted delete(@PathVariable("key_id") String id) {
        keys.delete(id);
        return new ApiKeyDeleted("deleted", id);
    }
}
