package io.vectorless.gateway.storage;

import io.vectorless.gateway.domain.EmbeddingModel;
import io.vectorless.gateway.domain.RagIndexRecord;
import io.vectorless.gateway.domain.RagIndexStatus;
import io.vectorless.schema.store.StoreNames;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The {@code rag_indexes} collection: one record per (document, embedding model). */
@Repository
public class RagIndexStore {
    static final String DOCUMENT_ID = "documentId";
    static final String WORKSPACE_ID = "workspaceId";
    static final String MODEL = "model";
    static final String STATUS = "status";
    static final String PROGRESS = "progress";
    static final String USED_BYTES = "usedBytes";
    static final String ORIGINAL_BYTES = "originalBytes";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";

    private final MongoTemplate mongo;

    public RagIndexStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void ensureIndexes() {
        mongo.indexOps(StoreNames.RAG_INDEXES).ensureIndex(new Index().on(DOCUMENT_ID, Sort.Direction.ASC));
        mongo.indexOps(StoreNames.RAG_INDEXES).ensureIndex(new Index().on(WORKSPACE_ID, Sort.Direction.ASC));
    }

    public Optional<RagIndexRecord> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, StoreNames.RAG_INDEXES)).map(RagIndexStore::fromBson);
    }

    /** Inserts unless a record with the same id exists; returns whichever record is stored. */
    public RagIndexRecord insertIfAbsent(RagIndexRecord record) {
        try {
            mongo.insert(toBson(record), StoreNames.RAG_INDEXES);
            return record;
        } catch (DuplicateKeyException raced) {
            return find(record.id()).orElse(record);
        }
    }

    public void save(RagIndexRecord record) {
        mongo.save(toBson(record), StoreNames.RAG_INDEXES);
    }

    public List<RagIndexRecord> forDocument(long documentId) {
        return mongo.find(Query.query(Criteria.where(DOCUMENT_ID).is(documentId)).with(Sort.by("_id")),
                Document.class, StoreNames.RAG_INDEXES).stream().map(RagIndexStore::fromBson).toList();
    }

    public List<RagIndexRecord> forWorkspace(long workspaceId) {
        return mongo.find(Query.query(Criteria.where(WORKSPACE_ID).is(workspaceId)), Document.class,
                StoreNames.RAG_INDEXES).stream().map(RagIndexStore::fromBson).toList();
    }

    public List<RagIndexRecord> all() {
        return mongo.findAll(Document.class, StoreNames.RAG_INDEXES).stream().map(RagIndexStore::fromBson).toList();
    }

    public boolean delete(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), StoreNames.RAG_INDEXES).getDeletedCount() > 0;
    }

    public void deleteForDocument(long documentId) {
        mongo.remove(Query.query(Criteria.where(DOCUMENT_ID).is(documentId)), StoreNames.RAG_INDEXES);
    }

    private static Document toBson(RagIndexRecord r) {
        return new Document("_id", r.id())
                .append(DOCUMENT_ID, r.documentId())
                .append(WORKSPACE_ID, r.workspaceId())
                .append(MODEL, r.model().wire())
                .append(STATUS, r.status().wire())
                .append(PROGRESS, r.progress())
                .append(USED_BYTES, r.usedBytes())
                .append(ORIGINAL_BYTES, r.originalBytes())
                .append(CREATED_AT, Bson.date(r.createdAt()))
                .append(UPDATED_AT, Bson.date(r.updatedAt()));
    }

    private static RagIndexRecord fromBson(Document d) {
        return new RagIndexRecord(d.getString("_id"), Bson.longOf(d, DOCUMENT_ID), Bson.longOf(d, WORKSPACE_ID),
                EmbeddingModel.fromWire(d.getString(MODEL)).orElse(EmbeddingModel.E5_MISTRAL_7B_INSTRUCT),
                RagIndexStatus.fromWire(d.getString(STATUS)), Bson.doubleOf(d, PROGRESS), Bson.longOf(d, USED_BYTES),
                Bson.longOf(d, ORIGINAL_BYTES), Bson.instant(d, CREATED_AT), Bson.instant(d, UPDATED_AT));
    }
}
