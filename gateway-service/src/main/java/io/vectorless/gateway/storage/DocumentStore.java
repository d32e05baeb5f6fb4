package io.vectorless.gateway.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.result.UpdateResult;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.store.StoreFields.Document;
import io.vectorless.schema.store.StoreNames;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code documents} collection. Writers that read-modify-write go through {@link #update}, an optimistic
 * compare-and-set on a private revision field, because HTTP calls, the status projection and the watchdog may touch
 * one document at once and MongoDB transactions are not available everywhere this runs.
 */
@Repository
public class DocumentStore {
    static final String USERNAME = "username";
    static final String FILE_HASH = "fileHash";
    static final String FILE_SIZE = "fileSize";
    static final String CONTENT_TYPE = "contentType";
    static final String QUICK_INDEX = "quickIndex";
    static final String PROGRESS = "progress";
    static final String ERROR = "error";
    static final String TEXT_BYTES = "textBytes";
    static final String INDEX_BYTES = "indexBytes";
    static final String UPDATED_AT = "updatedAt";
    static final String STATUS_CHANGED_AT = "statusChangedAt";
    static final String RUN_STARTED_AT = "runStartedAt";
    static final String LAST_EVENT_ID = "lastEventId";
    static final String STALL_RETRIES = "stallRetries";
    static final String REVISION = "revision";
    static final String UPLOAD_ID = "uploadId";
    static final String OUTBOX = "outbox";
    private static final int MAX_ATTEMPTS = 20;

    private final MongoTemplate mongo;

    public DocumentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void ensureIndexes() {
        mongo.indexOps(StoreNames.DOCUMENTS).ensureIndex(new Index().on(Document.WORKSPACE_ID, Sort.Direction.ASC)
                .on(FILE_HASH, Sort.Direction.ASC).unique().named("workspace_file_hash"));
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the workspace already holds the file. */
    public void insert(DocumentRecord doc) {
        mongo.insert(toBson(doc, 0), StoreNames.DOCUMENTS);
    }

    public Optional<DocumentRecord> find(long id) {
        return Optional.ofNullable(raw(id)).map(DocumentStore::fromBson);
    }

    public Optional<DocumentRecord> findByHash(long workspaceId, String fileHash) {
        org.bson.Document found = mongo.findOne(Query.query(Criteria.where(Document.WORKSPACE_ID).is(workspaceId)
                .and(FILE_HASH).is(fileHash)), org.bson.Document.class, StoreNames.DOCUMENTS);
        return Optional.ofNullable(found).map(DocumentStore::fromBson);
    }

    public List<DocumentRecord> listByWorkspace(long workspaceId) {
        Query query = Query.query(Criteria.where(Document.WORKSPACE_ID).is(workspaceId)).with(Sort.by(Document.ID));
        return mongo.find(query, org.bson.Document.class, StoreNames.DOCUMENTS).stream()
                .map(DocumentStore::fromBson).toList();
    }

    /** Documents in a non-final status whose status has not changed since {@code cutoff}. */
    public List<DocumentRecord> findStalled(Instant cutoff) {
        List<String> active = Arrays.stream(DocumentStatus.values()).filter(s -> !s.isFinal())
                .map(DocumentStatus::wire).toList();
        Query query = Query.query(Criteria.where(Document.STATUS).in(active)
                .and(STATUS_CHANGED_AT).lt(Bson.date(cutoff)));
        return mongo.find(query, org.bson.Document.class, StoreNames.DOCUMENTS).stream()
                .map(DocumentStore::fromBson).toList();
    }

    /** Documents whose run's event Kafka has not taken yet, unchanged since {@code cutoff}, oldest first. */
    public List<DocumentRecord> findUnpublished(Instant cutoff, int limit) {
        Query query = Query.query(Criteria.where(OUTBOX).ne(null).and(UPDATED_AT).lt(Bson.date(cutoff)))
                .with(Sort.by(Document.ID)).limit(limit);
        return mongo.find(query, org.bson.Document.class, StoreNames.DOCUMENTS).stream()
                .map(DocumentStore::fromBson).toList();
    }

    public void delete(long id) {
        mongo.remove(Query.query(Criteria.where(Document.ID).is(id)), StoreNames.DOCUMENTS);
    }

    /**
     * Applies {@code change} atomically with respect to other writers, retrying on a concurrent change. The
     * function may return {@code null} (or its argument) to leave the document alone; it may run more than once.
     *
     * @return the stored result, or empty when the document does not exist or was left alone
     */
    public Optional<Change> update(long id, UnaryOperator<DocumentRecord> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            org.bson.Document current = raw(id);
            if (current == null) {
                return Optional.empty();
            }
            DocumentRecord before = fromBson(current);
            DocumentRecord after = change.apply(before);
            if (after == null || after.equals(before)) {
                return Optional.empty();
            }
            long revision = Bson.longOf(current, REVISION);
            UpdateResult result;
            try {
                result = mongo.getCollection(StoreNames.DOCUMENTS).replaceOne(
                        new org.bson.Document(Document.ID, id).append(REVISION, revision), toBson(after, revision + 1));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    throw new DuplicateKeyException(e.getMessage(), e);
                }
                throw e;
            }
            if (result.getMatchedCount() == 1) {
                return Optional.of(new Change(before, after));
            }
        }
        throw new IllegalStateException("document " + id + " kept changing under an update; try again");
    }

    /** One applied update. */
    public record Change(DocumentRecord before, DocumentRecord after) {
    }

    private org.bson.Document raw(long id) {
        return mongo.findById(id, org.bson.Document.class, StoreNames.DOCUMENTS);
    }

    static org.bson.Document toBson(DocumentRecord d, long revision) {
        return new org.bson.Document(Document.ID, d.id())
                .append(Document.WORKSPACE_ID, d.workspaceId())
                .append(USERNAME, d.username())
                .append(Document.FILE_NAME, d.fileName())
                .append(Document.DOC_TITLE, d.docTitle())
                .append(Document.ROOT_SUMMARY, d.rootSummary())
                .append(FILE_HASH, d.fileHash())
                .append(FILE_SIZE, d.fileSize())
                .append(CONTENT_TYPE, d.contentType())
                .append(QUICK_INDEX, d.quickIndex())
                .append(Document.STATUS, d.status().wire())
                .append(PROGRESS, d.progress())
                .append(ERROR, d.error())
                .append(Document.VERSION, d.version())
                .append(Document.INDEXED_VERSION, d.indexedVersion())
                .append(Document.PAGE_COUNT, d.pageCount())
                .append(Document.NODE_COUNT, d.nodeCount())
                .append(Document.IMAGE_COUNT, d.imageCount())
                .append(TEXT_BYTES, d.textBytes())
                .append(INDEX_BYTES, d.indexBytes())
                .append(Document.CREATED_AT, Bson.date(d.createdAt()))
                .append(UPDATED_AT, Bson.date(d.updatedAt()))
                .append(STATUS_CHANGED_AT, Bson.date(d.statusChangedAt()))
                .append(RUN_STARTED_AT, Bson.date(d.runStartedAt()))
                .append(LAST_EVENT_ID, d.lastEventId())
                .append(STALL_RETRIES, d.stallRetries())
                .append(UPLOAD_ID, d.uploadId())
                .append(OUTBOX, d.outbox())
                .append(REVISION, revision);
    }

    static DocumentRecord fromBson(org.bson.Document d) {
        String status = d.getString(Document.STATUS);
        return new DocumentRecord(Bson.longOf(d, Document.ID), Bson.longOf(d, Document.WORKSPACE_ID),
                d.getString(USERNAME), d.getString(Document.FILE_NAME), d.getString(Document.DOC_TITLE),
                d.getString(Document.ROOT_SUMMARY), d.getString(FILE_HASH), Bson.longOf(d, FILE_SIZE),
                d.getString(CONTENT_TYPE), Bson.bool(d, QUICK_INDEX),
                status == null ? DocumentStatus.QUEUED : DocumentStatus.fromWire(status),
                Bson.doubleOf(d, PROGRESS), d.getString(ERROR), Bson.intOf(d, Document.VERSION),
                Bson.intOf(d, Document.INDEXED_VERSION), Bson.intOrNull(d, Document.PAGE_COUNT),
                Bson.intOrNull(d, Document.NODE_COUNT), Bson.intOrNull(d, Document.IMAGE_COUNT),
                Bson.longOrNull(d, TEXT_BYTES), Bson.longOrNull(d, INDEX_BYTES),
                Bson.instant(d, Document.CREATED_AT), Bson.instant(d, UPDATED_AT), Bson.instant(d, STATUS_CHANGED_AT),
                Bson.instant(d, RUN_STARTED_AT), d.getString(LAST_EVENT_ID), Bson.intOf(d, STALL_RETRIES),
                d.getString(UPLOAD_ID), d.getString(OUTBOX));
    }
}
