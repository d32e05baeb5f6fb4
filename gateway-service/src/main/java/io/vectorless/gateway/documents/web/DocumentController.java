package io.vectorless.gateway.documents.web;

import io.vectorless.gateway.web.TextRules;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vectorless.gateway.access.WorkspaceAccess;
import io.vectorless.gateway.config.GatewayProperties;
import io.vectorless.gateway.documents.DocumentService;
import io.vectorless.gateway.documents.DocumentStatusNotifier;
import io.vectorless.gateway.documents.IncomingFile;
import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.domain.FieldLimits;
import io.vectorless.gateway.domain.FileTypes;
import io.vectorless.gateway.documents.storage.StructureStore;
import io.vectorless.support.web.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.List;

@RestController
@RequestMapping("/api/documents")
class DocumentController {
    private final DocumentService documents;
    private final DocumentEventStream eventStream;
    private final DocumentStatusNotifier notifier;
    private final Duration maxWait;
    private final WorkspaceAccess access;
    private final StructureStore structures;

    DocumentController(DocumentService documents, DocumentEventStream eventStream, DocumentStatusNotifier notifier,
                       GatewayProperties properties, WorkspaceAccess access, StructureStore structures) {
        this.notifier = notifier;
        this.documents = documents;
        this.access = access;
        this.structures = structures;
        this.eventStream = eventStream;
        this.maxWait = properties.maxUploadWait();
    }

    /** Only the fields given change; both are the user's own and survive re-indexing and replacement. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UpdateDocument(
            @Size(max = FieldLimits.FILE_NAME, message = TextRules.TOO_LONG)
            @Pattern(regexp = TextRules.PLAIN, message = TextRules.PLAIN_MESSAGE) String fileName,
            @Size(max = FieldLimits.DOC_TITLE, message = TextRules.TOO_LONG)
            @Pattern(regexp = TextRules.PLAIN, message = TextRules.PLAIN_MESSAGE) String docTitle) {
    }

    /** The upload form, bound field by field from multipart/form-data. */
    @Schema(name = "DocumentUpload")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UploadForm(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", format = "binary",
                    description = "PDF, DOCX, PPTX, HTML, EPUB, MD or TXT")
            @NotNull(message = TextRules.REQUIRED) MultipartFile file,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @BindParam("workspace_id")
            @NotNull(message = TextRules.REQUIRED) Long workspaceId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Who uploads; with a user key it may"
                    + " be left out and must otherwise be the key's own user")
            @Size(max = FieldLimits.USERNAME, message = TextRules.TOO_LONG) String username,
            @Schema(description = "Skip LLM summaries", defaultValue = "false") @BindParam("quick_index")
            Boolean quickIndex,
            @JsonProperty("wait") @Schema(description = "Seconds to wait for a final status before answering")
            @BindParam("wait") Double waitSeconds) {
    }

    /** A new version of a document, bound like {@link UploadForm}. */
    @Schema(name = "DocumentReplace")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ReplaceForm(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", format = "binary",
                    description = "The new version of the document")
            @NotNull(message = TextRules.REQUIRED) MultipartFile file,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            @Size(max = FieldLimits.USERNAME, message = TextRules.TOO_LONG) String username,
            @Schema(description = "Skip LLM summaries", defaultValue = "false") @BindParam("quick_index")
            Boolean quickIndex,
            @JsonProperty("wait") @Schema(description = "Seconds to wait for a final status before answering")
            @BindParam("wait") Double waitSeconds) {
    }

    @Schema(name = "DocumentDeleted")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DocumentDeleted(@Schema(allowableValues = "deleted") String status, long docId) {
    }

    /** 201 with a new document; 200 with the existing one when the workspace already holds the same file. */
    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = UploadForm.class)))
    @ApiResponse(responseCode = "201", description = "A new document, queued for indexing",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @ApiResponse(responseCode = "200", description = "The workspace already holds this file: the existing document",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    ResponseEntity<DocumentView> upload(Caller caller, @Parameter(hidden = true) @Valid @ModelAttribute UploadForm form) {
        Duration wait = waitOf(form.waitSeconds());
        long workspaceId = form.workspaceId();
        access.workspace(caller, workspaceId);
        String user = uploader(caller, form.username());
        DocumentService.UploadOutcome outcome = documents.upload(workspaceId, user,
                Boolean.TRUE.equals(form.quickIndex()), incoming(form.file()));
        DocumentRecord doc = wait.isZero() ? outcome.document() : notifier.awaitFinal(outcome.document().id(), wait);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(DocumentView.of(doc));
    }

    @GetMapping
    List<DocumentView> list(Caller caller, @RequestParam("workspace_id") long workspaceId) {
        access.workspace(caller, workspaceId);
        return documents.list(workspaceId).stream().map(DocumentView::of).toList();
    }

    @GetMapping("/{doc_id}")
    DocumentView get(Caller caller, @PathVariable("doc_id") long id) {
        DocumentRecord doc = access.document(caller, id);
        return DocumentView.of(doc).withStructure(doc.indexedVersion() > 0
                ? structures.find(id, doc.indexedVersion()).orElse(null) : null);
    }

    @PatchMapping("/{doc_id}")
    DocumentView update(Caller caller, @PathVariable("doc_id") long id, @Valid @RequestBody UpdateDocument body) {
        access.document(caller, id);
        return DocumentView.of(documents.patch(id, body.fileName(), body.docTitle()));
    }

    @PostMapping(path = "/{doc_id}/replace", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = ReplaceForm.class)))
    DocumentView replace(Caller caller, @PathVariable("doc_id") long id,
                         @Parameter(hidden = true) @Valid @ModelAttribute ReplaceForm form) {
        Duration wait = waitOf(form.waitSeconds());
        access.document(caller, id);
        String user = uploader(caller, form.username());
        DocumentRecord doc = documents.replace(id, user, Boolean.TRUE.equals(form.quickIndex()),
                incoming(form.file()));
        return DocumentView.of(wait.isZero() ? doc : notifier.awaitFinal(id, wait));
    }

    @DeleteMapping("/{doc_id}")
    @ApiResponse(responseCode = "200", description = "The document and everything derived from it are deleted")
    DocumentDeleted delete(Caller caller, @PathVariable("doc_id") long id) {
        access.document(caller, id);
        documents.delete(id, "deleted through the API");
        return new DocumentDeleted("deleted", id);
    }

    @PostMapping("/{doc_id}/reindex")
    @ApiResponse(responseCode = "202", description = "Indexing of the current version starts again",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    ResponseEntity<DocumentView> reindex(Caller caller, @PathVariable("doc_id") long id) {
        access.document(caller, id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(DocumentView.of(documents.reindex(id)));
    }

    /** Server-sent events: the current state first, then one event per change, ending after a final status. */
    @GetMapping(path = "/{doc_id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ApiResponse(responseCode = "200", description = "SSE: status events carrying the document, then deleted or end",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    SseEmitter events(Caller caller, @PathVariable("doc_id") long id) {
        return eventStream.open(access.document(caller, id));
    }

    private Duration waitOf(Double seconds) {
        if (seconds == null || seconds <= 0) {
            return Duration.ZERO;
        }
        if (seconds.isNaN() || seconds > maxWait.toSeconds()) {
            throw ApiException.badRequest("wait must be between 0 and " + maxWait.toSeconds() + " seconds");
        }
        return Duration.ofMillis((long) (seconds * 1000));
    }

    /** The admin names the uploader; a user key uploads as its own user. */
    private String uploader(Caller caller, String username) {
        String user = WorkspaceAccess.actingUser(caller, "username", username, null);
        if (user == null) {
            throw ApiException.badRequest("Missing required field 'username'");
        }
        return user;
    }

    private static IncomingFile incoming(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name != null) {
            // the stored name is the base name: a directory part the browser sent does not count against it
            FieldLimits.check("file name", FileTypes.baseName(name), FieldLimits.FILE_NAME);
        }
        return new IncomingFile(name, file::getInputStream);
    }
}
