package io.vectorless.gateway.documents;

import io.vectorless.gateway.ragindex.RagIndexSync;

import io.micrometer.core.instrument.MeterRegistry;
import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.domain.FileTypes;
import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.gateway.storage.IdSequence;
import io.vectorless.gateway.workspaces.storage.WorkspaceStore;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentEdited;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentUploaded;
import io.vectorless.schema.event.Events;
import io.vectorless.schema.store.StoreNames;
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
import java.time.Instant;
import java.util.List;

/** Uploads, replacements, metadata, deletion and re-runs of documents. */
@Service
public class DocumentService {
    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);
    private static final int STORE_ATTEMPTS = 2;

    private final DocumentStore docs;
    private final WorkspaceStore workspaces;
    private final IdSequence ids;
    private final ObjectStore objects;
    private final EventPublisher events;
    private final DeletionCleanup cleanup;
    private final RagIndexSync ragSync;
    private final MeterRegistry meters;
    private final UploadOutbox outbox;

    public DocumentService(DocumentStore docs, WorkspaceStore workspaces, IdSequence ids, ObjectStore objects,
                           EventPublisher events, DeletionCleanup cleanup, RagIndexSync ragSync,
                           MeterRegistry meters, UploadOutbox outbox) {
        this.docs = docs;
        this.workspaces = workspaces;
        this.ids = ids;
        this.objects = objects;
        this.events = events;
        this.cleanup = cleanup;
        this.ragSync = ragSync;
        this.meters = meters;
        this.outbox = outbox;
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
        for (int attempt = 1; ; attempt++) {
            long id = ids.next("documents");
            String uploadId = Events.newId();
            String key = ObjectKeys.original(workspaceId, id, 1, uploadId);
            store(key, checked);
            DocumentRecord doc = DocumentRecord.uploaded(id, workspaceId, user, checked.fileName(), checked.md5(),
                    checked.size(), checked.contentType(), quickIndex, Instant.now(), uploadId);
            doc = doc.withOutbox(UploadOutbox.entry(runEvent(doc)));
            try {
                docs.insert(doc);
            } catch (DuplicateKeyException taken) {
                objects.delete(key);
                var sameFile = docs.findByHash(workspaceId, checked.md5());
                if (sameFile.isPresent()) {
                    return new UploadOutcome(sameFile.get(), false);
                }
                // the id itself was taken (a counter behind its records): lift the counter and take the next one
                ids.catchUp("documents", StoreNames.DOCUMENTS);
                if (attempt == 3) {
                    throw taken;
                }
                continue;
            }
            meters.counter("vectorless.gateway.uploads", "outcome", "created").increment();
            return new UploadOutcome(outbox.publish(doc), true);
        }
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
        String uploadId = Events.newId();
        String key = ObjectKeys.original(doc.workspaceId(), id, newVersion, uploadId);
        store(key, checked);
        Instant now = Instant.now();
        DocumentRecord replaced;
        try {
            replaced = docs.update(id, current -> {
                if (current.version() != doc.version()) {
                    throw ApiException.conflict("Document " + id + " was replaced concurrently; try again");
                }
                DocumentRecord next = current.withFile(checked.fileName(), checked.md5(), checked.size(),
                        checked.contentType(), quickIndex, user, uploadId).newRun(newVersion, now);
                return next.withOutbox(UploadOutbox.entry(runEvent(next)));
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
        return outbox.publish(replaced);
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
        String baseName = fileName == null ? null : FileTypes.baseName(fileName);
        if (baseName != null || docTitle != null) {
            announceEdit(get(id), docTitle, baseName);
        }
        Instant now = Instant.now();
        return docs.update(id, d -> d.withMetadata(baseName, docTitle, now))
                .map(change -> change.after())
                .orElseGet(() -> get(id));
    }

    /**
     * Publishes the edit before storing it, as a deletion is: query-service cites the user's title from its own read
     * model, so an edit Kafka cannot take now is refused (503, retry) rather than shown here and cited there never.
     */
    private void announceEdit(DocumentRecord doc, String docTitle, String fileName) {
        try {
            events.publish(DocumentEdited.of(doc.id(), doc.version(), doc.workspaceId(), docTitle, fileName));
        } catch (RuntimeException e) {
            throw ApiException.unavailable("Could not change document " + doc.id() + " now; try again: "
                    + e.getMessage());
        }
    }

    /** Publishes the deletion first, so nothing is removed here unless every other service will hear of it. */
    public void delete(long id, String reason) {
        DocumentRecord doc = get(id);
        DocumentDeleted deleted = DocumentDeleted.document(id, doc.version(), doc.workspaceId(), reason);
        try {
            events.publish(deleted);
        } catch (RuntimeException e) {
            throw ApiException.unavailable("Could not delete document " + id + " now; try again: " + e.getMessage());
        }
        cleanup.apply(deleted);
    }

    /** Runs the current version through the pipeline again. */
    public DocumentRecord reindex(long id) {
        Instant now = Instant.now();
        DocumentRecord doc = docs.update(id, d -> withRunEvent(d.newRun(d.version(), now))).map(c -> c.after())
                .orElseThrow(() -> ApiException.notFound("Document " + id + " not found"));
        ragSync.refresh(doc);
        return outbox.publish(doc);
    }

    /**
     * Queues the document's current run: its {@code DocumentUploaded} goes into the record's outbox, then to Kafka.
     * A document Kafka cannot take now stays {@code queued} and is published later; it is never failed for that.
     */
    DocumentRecord startRun(DocumentRecord doc) {
        DocumentRecord queued = doc.outbox() != null ? doc
                : docs.update(doc.id(), d -> d.version() == doc.version() && d.outbox() == null ? withRunEvent(d) : null)
                .map(DocumentStore.Change::after).orElse(null);
        return queued == null ? get(doc.id()) : outbox.publish(queued);
    }

    /** @deprecated the key follows from the record; kept for callers that still pass it */
    @Deprecated
    DocumentRecord startRun(DocumentRecord doc, String ignoredKey) {
        return startRun(doc);
    }

    private static DocumentRecord withRunEvent(DocumentRecord doc) {
        return doc.withOutbox(UploadOutbox.entry(runEvent(doc)));
    }

    /** The event that starts a run of the document's current version. */
    static DocumentUploaded runEvent(DocumentRecord doc) {
        return DocumentUploaded.of(doc.id(), doc.version(), doc.workspaceId(), doc.fileName(), doc.contentType(),
                doc.fileSize(), doc.fileHash(), ObjectKeys.original(doc.workspaceId(), doc.id(), doc.version(),
                        doc.uploadId()), doc.quickIndex(), doc.username(), doc.uploadId());
    }

    private void publishQuietly(DocumentDeleted deleted) {
        try {
            events.publish(deleted);
        } catch (RuntimeException e) {
            log.warn("could not publish the removal of document {} v{}: {}", deleted.documentId(), deleted.version(),
                    e.getMessage());
        }
    }

    /**
     * Stores the original. One failed attempt is tried again at once from the kept upload: a pooled connection the
     * storage server closed while idle fails the first write, and a person should not have to upload again for that.
     */
    private void store(String key, IncomingFile.Checked file) {
        for (int attempt = 1; ; attempt++) {
            try (InputStream in = file.content().open()) {
                objects.put(key, in, file.size(), file.contentType());
                return;
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the uploaded file", e);
            } catch (ObjectStore.ObjectStoreException e) {
                if (attempt == STORE_ATTEMPTS) {
                    throw ApiException.unavailable("Object storage is unavailable: " + e.getMessage());
                }
                log.warn("storing {} failed, trying again: {}", key, e.getMessage());
            }
        }
    }

    private static String requireUsername(String username) {
        if (username == null || username.isBlank()) {
            throw ApiException.badRequest("username is required");
        }
        return username.strip();
    }
}
