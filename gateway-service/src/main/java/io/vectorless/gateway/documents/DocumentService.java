package io.vectorless.gateway.documents;

import io.micrometer.core.instrument.MeterRegistry;
import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.domain.FileTypes;
import io.vectorless.gateway.storage.DocumentStore;
import io.vectorless.gateway.storage.IdSequence;
import io.vectorless.gateway.storage.WorkspaceStore;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentUploaded;
import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.support.messaging.EventPublisher;
import io.vectorless.support.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Uploads, replacements, metadata, deletion and re-runs of documents. */
@Service
public class DocumentService {
    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    private final DocumentStore docs;
    private final WorkspaceStore workspaces;
    private final IdSequence ids;
    private final ObjectStore objects;
    private final EventPublisher events;
    private final DeletionCleanup cleanup;
    private final RagIndexSync ragSync;
    private final MeterRegistry meters;

    public DocumentService(DocumentStore docs, WorkspaceStore workspaces, IdSequence ids, ObjectStore objects,
                           EventPublisher events, DeletionCleanup cleanup, RagIndexSync ragSync,
                           MeterRegistry meters) {
        this.docs = docs;
        this.workspaces = workspaces;
        this.ids = ids;
        this.objects = objects;
        this.events = events;
        this.cleanup = cleanup;
        this.ragSync = ragSync;
        this.meters = meters;
    }

    /** @param created false when the workspace already held the same file and that document is returned */
    public record UploadOutcome(DocumentRecord document, boolean created) {
    }

    public UploadOutcome upload(long workspaceId, String username, boolean quickIndex, IncomingFile file) {
        if (!workspaces.exists(workspaceId)) {
            throw ApiException.notFound("Workspace " + workspaceId + " not found");
        }
        String user = requireUsername(username);
        IncomingFile.Checked checked = file.check();
        var existing = docs.findByHash(workspaceId, checked.md5());
        if (existing.isPresent()) {
            meters.counter("vectorless.gateway.uploads", "outcome", "duplicate").increment();
            return new UploadOutcome(existing.get(), false);
        }
        long id = ids.next("documents");
        String key = ObjectKeys.original(workspaceId, id, 1);
        store(key, checked);
        DocumentRecord doc = DocumentRecord.uploaded(id, workspaceId, user, checked.fileName(), checked.md5(),
                checked.size(), checked.contentType(), quickIndex, Instant.now());
        try {
            docs.insert(doc);
        } catch (DuplicateKeyException sameFileRaced) {
            objects.delete(key);
            return new UploadOutcome(docs.findByHash(workspaceId, checked.md5()).orElseThrow(() -> sameFileRaced),
                    false);
        }
        meters.counter("vectorless.gateway.uploads", "outcome", "created").increment();
        return new UploadOutcome(startRun(doc, key), true);
    }

    public DocumentRecord replace(long id, String username, boolean quickIndex, IncomingFile file) {
        DocumentRecord doc = get(id);
        String user = requireUsername(username);
        IncomingFile.Checked checked = file.check();
        docs.findByHash(doc.workspaceId(), checked.md5()).filter(other -> other.id() != id).ifPresent(other -> {
            throw ApiException.conflict("Workspace " + doc.workspaceId() + " already holds this file as document "
                    + other.id());
        });
        int newVersion = doc.version() + 1;
        String key = ObjectKeys.original(doc.workspaceId(), id, newVersion);
        store(key, checked);
        Instant now = Instant.now();
        DocumentRecord replaced;
        try {
            replaced = docs.update(id, current -> {
                if (current.version() != doc.version()) {
                    throw ApiException.conflict("Document " + id + " was replaced concurrently; try again");
                }
                return current.withFile(checked.fileName(), checked.md5(), checked.size(), checked.contentType(),
                        quickIndex, user).newRun(newVersion, now);
            }).orElseThrow(() -> ApiException.notFound("Document " + id + " not found")).after();
        } catch (DuplicateKeyException sameFileRaced) {
            objects.delete(key);
            throw ApiException.conflict("Workspace " + doc.workspaceId() + " already holds this file");
        } catch (ApiException e) {
            objects.delete(key);
            throw e;
        }
        if (doc.version() != doc.indexedVersion()) {
            // the version being replaced never went live: whatever the pipeline wrote for it can go now
            publishQuietly(DocumentDeleted.superseded(id, doc.version(), doc.workspaceId()));
        }
        ragSync.refresh(replaced);
        return startRun(replaced, key);
    }

    public DocumentRecord get(long id) {
        return docs.find(id).orElseThrow(() -> ApiException.notFound("Document " + id + " not found"));
    }

    public List<DocumentRecord> list(long workspaceId) {
        if (!workspaces.exists(workspaceId)) {
            throw ApiException.notFound("Workspace " + workspaceId + " not found");
        }
        return docs.listByWorkspace(workspaceId);
    }

    public DocumentRecord patch(long id, String fileName, String docTitle) {
        if (fileName != null && FileTypes.baseName(fileName).isEmpty()) {
            throw ApiException.badRequest("file_name must not be empty");
        }
        Instant now = Instant.now();
        return docs.update(id, d -> d.withMetadata(fileName == null ? d.fileName() : FileTypes.baseName(fileName),
                        docTitle == null ? d.docTitle() : docTitle, now))
                .map(change -> change.after())
                .orElseGet(() -> get(id));
    }

    /** Publishes the deletion first, so nothing is removed here unless every other service will hear of it. */
    public void delete(long id, String reason) {
        DocumentRecord doc = get(id);
        DocumentDeleted deleted = DocumentDeleted.document(id, doc.version(), doc.workspaceId(), reason);
        try {
            events.publish(deleted);
        } catch (RuntimeException e) {
            throw ApiException.unavailable("Could not delete document " + id + ": " + e.getMessage());
        }
        cleanup.apply(deleted);
    }

    /** Runs the current version through the pipeline again. */
    public DocumentRecord reindex(long id) {
        Instant now = Instant.now();
        DocumentRecord doc = docs.update(id, d -> d.newRun(d.version(), now)).map(c -> c.after())
                .orElseThrow(() -> ApiException.notFound("Document " + id + " not found"));
        ragSync.refresh(doc);
        return startRun(doc, ObjectKeys.original(doc.workspaceId(), id, doc.version()));
    }

    /** Waits up to {@code wait} for the document to reach indexed or failed; returns its state either way. */
    public DocumentRecord awaitFinal(long id, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        DocumentRecord doc = get(id);
        while (!doc.status().isFinal() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return doc;
            }
            doc = get(id);
        }
        return doc;
    }

    /** Publishes DocumentUploaded for the document's current version; a document that cannot be handed over fails. */
    DocumentRecord startRun(DocumentRecord doc, String key) {
        try {
            events.publish(DocumentUploaded.of(doc.id(), doc.version(), doc.workspaceId(), doc.fileName(),
                    doc.contentType(), doc.fileSize(), doc.fileHash(), key, doc.quickIndex(), doc.username()));
            return doc;
        } catch (RuntimeException e) {
            log.warn("document {} v{} could not be queued: {}", doc.id(), doc.version(), e.getMessage());
            meters.counter("vectorless.gateway.uploads", "outcome", "not_queued").increment();
            return markFailed(doc.id(), doc.version(), "Could not queue the document for processing: "
                    + e.getMessage());
        }
    }

    DocumentRecord markFailed(long id, int version, String reason) {
        Instant now = Instant.now();
        DocumentRecord failed = docs.update(id, d -> d.version() != version || d.status().isFinal() ? null
                        : d.withStatus(DocumentStatus.FAILED, d.progress(), reason, now, null))
                .map(c -> c.after()).orElseGet(() -> get(id));
        ragSync.refresh(failed);
        return failed;
    }

    private void publishQuietly(DocumentDeleted deleted) {
        try {
            events.publish(deleted);
        } catch (RuntimeException e) {
            log.warn("could not publish the removal of document {} v{}: {}", deleted.documentId(), deleted.version(),
                    e.getMessage());
        }
    }

    private void store(String key, IncomingFile.Checked file) {
        try (InputStream in = file.content().open()) {
            objects.put(key, in, file.size(), file.contentType());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        } catch (ObjectStore.ObjectStoreException e) {
            throw ApiException.unavailable("Object storage is unavailable: " + e.getMessage());
        }
    }

    private static String requireUsername(String username) {
        if (username == null || username.isBlank()) {
            throw ApiException.badRequest("username is required");
        }
        return username.strip();
    }
}
