package io.vectorless.gateway.ragindex;

import io.vectorless.gateway.config.GatewayProperties;
import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.domain.EmbeddingModel;
import io.vectorless.gateway.domain.RagIndexRecord;
import io.vectorless.gateway.domain.RagIndexRequest;
import io.vectorless.gateway.domain.RagIndexState;
import io.vectorless.gateway.domain.RagIndexStatus;
import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.gateway.ragindex.storage.RagIndexStore;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Get-or-create of RAG-index records, one per (document, embedding model). Folders of the knowledge base are not
 * stored here; a client refers to one with an id of the form {@code folder:<anything>}, and such an index is always
 * {@code cannot_index_folder}.
 */
@Service
public class RagIndexService {
    public static final String FOLDER_PREFIX = "folder:";

    private final DocumentStore docs;
    private final RagIndexStore indexes;
    private final RagIndexSync ragSync;
    private final long maxBytesPerWorkspace;

    public RagIndexService(DocumentStore docs, RagIndexStore indexes, RagIndexSync ragSync,
                           GatewayProperties properties) {
        this.docs = docs;
        this.indexes = indexes;
        this.ragSync = ragSync;
        this.maxBytesPerWorkspace = properties.ragMaxBytesPerWorkspace();
    }

    public sealed interface ItemResult permits Success, Failure {
    }

    public record Success(RagIndexRecord index) implements ItemResult {
    }

    public record Failure(int code, String status, String message) implements ItemResult {
    }

    public Map<String, ItemResult> getOrCreate(List<RagIndexRequest.Item> items) {
        return getOrCreate(items, workspace -> true);
    }

    /** @param visible which workspaces the caller may see; a document elsewhere is answered as unknown */
    public Map<String, ItemResult> getOrCreate(List<RagIndexRequest.Item> items, LongPredicate visible) {
        Map<String, ItemResult> results = new LinkedHashMap<>();
        for (RagIndexRequest.Item item : items) {
            results.put(item.documentId(), getOrCreate(item, visible));
        }
        return results;
    }

    private ItemResult getOrCreate(RagIndexRequest.Item item, LongPredicate visible) {
        if (item.documentId().startsWith(FOLDER_PREFIX)) {
            Instant now = Instant.now();
            return new Success(new RagIndexRecord(item.documentId() + "_" + item.model().wire(), 0, 0, item.model(),
                    RagIndexStatus.CANNOT_INDEX_FOLDER, 0.0, 0, 0, now, now));
        }
        Optional<DocumentRecord> doc = find(item.documentId(), visible);
        if (doc.isEmpty()) {
            return new Failure(404, "not_found", "Document '" + item.documentId() + "' not found");
        }
        String id = RagIndexRecord.idOf(doc.get().id(), item.model());
        Optional<RagIndexRecord> existing = indexes.find(id);
        if (existing.isPresent()) {
            return new Success(existing.get());
        }
        if (!item.createIfMissing()) {
            return new Failure(404, "not_found", "Document '" + item.documentId() + "' has no RAG index for model '"
                    + item.model().wire() + "' and create_if_missing is false");
        }
        RagIndexRecord created = indexes.insertIfAbsent(create(id, doc.get(), item.model()));
        // the document may have moved on while the record was written; the projection may have missed the record
        docs.find(doc.get().id()).ifPresent(ragSync::refresh);
        return new Success(indexes.find(id).orElse(created));
    }

    private RagIndexRecord create(String id, DocumentRecord doc, EmbeddingModel model) {
        Instant now = Instant.now();
        long workspaceBytes = indexes.forWorkspace(doc.workspaceId()).stream()
                .filter(r -> r.documentId() != doc.id() && r.status().countsAgainstLimit())
                .collect(java.util.stream.Collectors.toMap(RagIndexRecord::documentId, RagIndexRecord::originalBytes,
                        Math::max))
                .values().stream().mapToLong(Long::longValue).sum();
        RagIndexState state = RagIndexState.exceedsLimit(workspaceBytes, doc.fileSize(), maxBytesPerWorkspace)
                ? new RagIndexState(RagIndexStatus.RAG_LIMIT_EXCEEDED, 0.0, 0)
                : RagIndexState.of(doc);
        return new RagIndexRecord(id, doc.id(), doc.workspaceId(), model, state.status(), state.progress(),
                state.usedBytes(), doc.fileSize(), now, now);
    }

    public List<RagIndexRecord> forDocument(String documentId) {
        return forDocument(documentId, workspace -> true);
    }

    public List<RagIndexRecord> forDocument(String documentId, LongPredicate visible) {
        DocumentRecord doc = find(documentId, visible)
                .orElseThrow(() -> ApiException.notFound("Document '" + documentId + "' not found"));
        return indexes.forDocument(doc.id());
    }

    /** @param workspaceId empty for every workspace */
    public record Usage(long totalUsedBytes, long totalMaxBytes, Map<EmbeddingModel, Long> byModel) {
    }

    public Usage usage(Optional<Long> workspaceId) {
        return usage(workspaceId.map(indexes::forWorkspace).orElseGet(indexes::all));
    }

    /** The usage of the given workspaces together. */
    public Usage usage(Collection<Long> workspaceIds) {
        return usage(workspaceIds.stream().flatMap(id -> indexes.forWorkspace(id).stream()).toList());
    }

    private Usage usage(List<RagIndexRecord> all) {
        Map<EmbeddingModel, Long> byModel = new LinkedHashMap<>();
        for (EmbeddingModel model : EmbeddingModel.values()) {
            byModel.put(model, 0L);
        }
        long total = 0;
        for (RagIndexRecord record : all) {
            byModel.merge(record.model(), record.usedBytes(), Long::sum);
            total += record.usedBytes();
        }
        return new Usage(total, maxBytesPerWorkspace, byModel);
    }

    public RagIndexRecord delete(String documentId, String ragIndexId) {
        return delete(documentId, ragIndexId, workspace -> true);
    }

    public RagIndexRecord delete(String documentId, String ragIndexId, LongPredicate visible) {
        RagIndexRecord record = indexes.find(ragIndexId)
                .filter(r -> Long.toString(r.documentId()).equals(documentId))
                .filter(r -> visible.test(r.workspaceId()))
                .orElseThrow(() -> ApiException.notFound("RAG index '" + ragIndexId + "' of document '" + documentId
                        + "' not found"));
        indexes.delete(record.id());
        return record;
    }

    private Optional<DocumentRecord> find(String documentId, LongPredicate visible) {
        return parseId(documentId).flatMap(docs::find).filter(doc -> visible.test(doc.workspaceId()));
    }

    /** Only plain decimal digits name a document: " 1" or "0x1" name none. */
    private static Optional<Long> parseId(String documentId) {
        if (documentId == null || !documentId.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(documentId));
    }
}
