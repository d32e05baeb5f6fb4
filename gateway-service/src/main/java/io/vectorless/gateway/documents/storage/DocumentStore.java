package io.vectorless.gateway.documents.storage;

import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.store.StoreFields.Document;
import io.vectorless.schema.store.StoreNames;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code documents} collection, mapped by Spring Data ({@link StoredDocument}). HTTP calls, the status
 * projection and the watchdog may change one document at once and MongoDB transactions are not available everywhere
 * this runs, so read-modify-write goes through {@link #update}: the save carries the revision it read
 * ({@code @Version}) and a save over someone else's change is refused and tried again on fresh data.
 */
@Repository
public class DocumentStore {
    static final String FILE_HASH = "fileHash";
    static final String UPDATED_AT = "updatedAt";
    static final String STATUS_CHANGED_AT = "statusChangedAt";
    static final String OUTBOX = "outbox";

    private final MongoTemplate mongo;
    private final RetryTemplate retry;

    public DocumentStore(MongoTemplate mongo, RetryTemplate optimisticRetry) {
        this.mongo = mongo;
        this.retry = optimisticRetry;
    }

    public void ensureIndexes() {
        mongo.indexOps(StoredDocument.class).ensureIndex(new Index().on(Document.WORKSPACE_ID, Sort.Direction.ASC)
                .on(FILE_HASH, Sort.Direction.ASC).unique().named("workspace_file_hash"));
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the workspace already holds the file. */
    public void insert(DocumentRecord doc) {
        mongo.insert(StoredDocument.of(doc, null));
    }

    public Optional<DocumentRecord> find(long id) {
        return Optional.ofNullable(mongo.findById(id, StoredDocument.class)).map(StoredDocument::toRecord);
    }

    /** The documents of {@code ids} that exist, by id: one query. */
    public Map<Long, DocumentRecord> findAll(Collection<Long> ids) {
        return find(Query.query(Criteria.where(Document.ID).in(ids))).stream()
                .collect(Collectors.toMap(DocumentRecord::id, d -> d));
    }

    public Optional<DocumentRecord> findByHash(long workspaceId, String fileHash) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where(Document.WORKSPACE_ID).is(workspaceId)
                .and(FILE_HASH).is(fileHash)), StoredDocument.class)).map(StoredDocument::toRecord);
    }

    public List<DocumentRecord> listByWorkspace(long workspaceId) {
        return find(Query.query(Criteria.where(Document.WORKSPACE_ID).is(workspaceId)).with(Sort.by(Document.ID)));
    }

    /** Documents in a non-final status whose status has not changed since {@code cutoff}. */
    public List<DocumentRecord> findStalled(Instant cutoff) {
        List<String> active = Arrays.stream(DocumentStatus.values()).filter(s -> !s.isFinal())
                .map(DocumentStatus::wire).toList();
        return find(Query.query(Criteria.where(Document.STATUS).in(active).and(STATUS_CHANGED_AT).lt(cutoff)));
    }

    /** Documents whose run's event Kafka has not taken yet, unchanged since {@code cutoff}, oldest first. */
    public List<DocumentRecord> findUnpublished(Instant cutoff, int limit) {
        return find(Query.query(Criteria.where(OUTBOX).ne(null).and(UPDATED_AT).lt(cutoff))
                .with(Sort.by(Document.ID)).limit(limit));
    }

    public void delete(long id) {
        mongo.remove(Query.query(Criteria.where(Document.ID).is(id)), StoredDocument.class);
    }

    /**
     * Applies {@code change} atomically with respect to other writers, on fresh data after a concurrent change. The
     * function may return {@code null} (or its argument) to leave the document alone; it may run more than once.
     * Should other writers keep winning, the caller gets a 409 to try again: never a lost update.
     *
     * @return the stored result, or empty when the document does not exist or was left alone
     */
    public Optional<Change> update(long id, UnaryOperator<DocumentRecord> change) {
        try {
            return retry.execute(attempt -> {
                StoredDocument current = mongo.findById(id, StoredDocument.class);
                if (current == null) {
                    return Optional.<Change>empty();
                }
                DocumentRecord before = current.toRecord();
                DocumentRecord after = change.apply(before);
                if (after == null || after.equals(before)) {
                    return Optional.<Change>empty();
                }
                mongo.save(StoredDocument.of(after, current.revision()));
                return Optional.of(new Change(before, after));
            });
        } catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("Document " + id + " kept changing under this update; try again");
        }
    }

    /** One applied update. */
    public record Change(DocumentRecord before, DocumentRecord after) {
    }

    private List<DocumentRecord> find(Query query) {
        return mongo.find(query, StoredDocument.class).stream().map(StoredDocument::toRecord).toList();
    }
}
