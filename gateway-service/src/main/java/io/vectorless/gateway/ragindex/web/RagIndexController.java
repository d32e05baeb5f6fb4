package io.vectorless.gateway.ragindex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.vectorless.gateway.access.WorkspaceAccess;
import io.vectorless.gateway.ragindex.RagIndexService;
import io.vectorless.support.web.Caller;
import io.vectorless.gateway.domain.RagIndexRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The knowledge-base RAG-index API, under both the platform's own prefix ({@code /v1/convai}) and this product's
 * ({@code /v1/voiceai}). Bodies are read as text and validated by hand so 422s match FastAPI's shape exactly.
 */
@RestController
class RagIndexController {
    private static final String VOICEAI = "/v1/voiceai/knowledge-base";
    private static final String CONVAI = "/v1/convai/knowledge-base";
    private static final String BATCH = "/rag-index";
    private static final String OF_DOCUMENT = "/{document_id}/rag-index";
    private static final String ONE = "/{document_id}/rag-index/{rag_index_id}";

    private final RagIndexService service;
    private final ObjectMapper json;
    private final WorkspaceAccess access;

    RagIndexController(RagIndexService service, ObjectMapper json, WorkspaceAccess access) {
        this.service = service;
        this.json = json;
        this.access = access;
    }

    /** Which workspaces the caller may see; documents elsewhere are answered as unknown. */
    private LongPredicate visible(Caller caller) {
        Set<Long> own = access.visibleWorkspaces(caller);
        return own == null ? workspace -> true : own::contains;
    }

    @PostMapping({VOICEAI + BATCH, CONVAI + BATCH})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = RagIndexBodies.BatchRequest.class)))
    @ApiResponse(responseCode = "200", description = "One success or failure per requested document id",
            content = @Content(schema = @Schema(type = "object",
                    additionalPropertiesSchema = RagIndexBodies.BatchItem.class)))
    @ApiResponse(responseCode = "422", description = "Validation Error",
            content = @Content(schema = @Schema(implementation = RagIndexBodies.ValidationErrors.class)))
    ResponseEntity<?> getOrCreate(Caller caller, @RequestBody(required = false) String body) {
        RagIndexRequest.Parsed parsed = RagIndexRequest.parse(body, json);
        if (!parsed.valid()) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new RagIndexBodies.ValidationErrors(parsed.issues()));
        }
        Map<String, Record> out = new LinkedHashMap<>();
        service.getOrCreate(parsed.items(), visible(caller))
                .forEach((documentId, result) -> out.put(documentId, RagIndexBodies.BatchItem.of(result)));
        return ResponseEntity.ok(out);
    }

    @GetMapping({VOICEAI + OF_DOCUMENT, CONVAI + OF_DOCUMENT})
    RagIndexBodies.IndexList ofDocument(Caller caller, @PathVariable("document_id") String documentId) {
        return new RagIndexBodies.IndexList(service.forDocument(documentId, visible(caller)).stream()
                .map(RagIndexBodies.Index::of).toList());
    }

    @GetMapping({VOICEAI + BATCH, CONVAI + BATCH})
    RagIndexBodies.Overview usage(Caller caller,
                                  @RequestParam(name = "workspace_id", required = false) Long workspaceId) {
        if (workspaceId != null && !caller.admin()) {
            access.workspace(caller, workspaceId);
        }
        RagIndexService.Usage usage = workspaceId == null && !caller.admin()
                ? service.usage(access.visibleWorkspaces(caller))
                : service.usage(Optional.ofNullable(workspaceId));
        List<RagIndexBodies.ModelUsage> models = usage.byModel().entrySet().stream()
                .map(e -> new RagIndexBodies.ModelUsage(RagIndexBodies.Model.of(e.getKey()), e.getValue())).toList();
        return new RagIndexBodies.Overview(usage.totalUsedBytes(), usage.totalMaxBytes(), models);
    }

    @DeleteMapping({VOICEAI + ONE, CONVAI + ONE})
    @ApiResponse(responseCode = "200", description = "The deleted index")
    RagIndexBodies.Index delete(Caller caller, @PathVariable("document_id") String documentId,
                                @PathVariable("rag_index_id") String ragIndexId) {
        return RagIndexBodies.Index.of(service.delete(documentId, ragIndexId, visible(caller)));
    }
}
