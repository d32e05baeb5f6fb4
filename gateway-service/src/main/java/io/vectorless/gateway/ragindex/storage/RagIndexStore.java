package io.vectorless.gateway.ragindex.storage;

import io.vectorless.gateway.domain.RagIndexRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The {@code rag_indexes} collection, one record per (document, embedding model), mapped by Spring Data. */
@Repository
public class RagIndexStore {
    static final String ID = "_id";
    static final String DOCUMENT_ID = "documentId";
    static final String WORKSPACE_ID = "workspaceId";

    private final MongoTemplate mongo;

    public RagIndexStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void ensureIndexes() {
        mongo.indexOps(StoredRagIndex.class).ensureIndex(new Index().on(DOCUMENT_ID, Sort.Direction.ASC));
        mongo.indexOps(StoredRagIndex.class).ensureIndex(new Index().on(WORKSPACE_ID, Sort.Direction.ASC));
    }

    public Optional<RagIndexRecord> find(String id) {
        return Optional.ofNullable(mongo.findById(id, StoredRagIndex.class)).map(StoredRagIndex::toRecord);
    }

    /** Inserts unless a record with the same id exists; returns whichever record is stored. */
    public RagIndexRecord insertIfAbsent(RagIndexRecord record) {
        try {
            mongo.insert(StoredRagIndex.of(record));
            return record;
        } catch (DuplicateKeyException raced) {
            return find(record.id()).orElse(record);
        }
    }

    /**
     * Writes a record's state (status, progress, bytes) in one atomic update of an existing record: a record
     * deleted meanwhile stays deleted, and the fields not written here stay whatever they are.
     */
    public void save(RagIndexRecord record) {
        mongo.updateFirst(Query.query(Criteria.where(ID).is(record.id())), new Update()
                .set("status", record.status().wire()).set("progress", record.progress())
                .set("usedBytes", record.usedBytes()).set("updatedAt", record.updatedAt()), StoredRagIndex.class);
    }

    public List<RagIndexRecord> forDocument(long documentId) {
        return find(Query.query(Criteria.where(DOCUMENT_ID).is(documentId)).with(Sort.by(ID)));
    }

    public List<RagIndexRecord> forWorkspace(long workspaceId) {
        return find(Query.query(Criteria.where(WORKSPACE_ID).is(workspaceId)));
    }

    public List<RagIndexRecord> all() {
        return find(new Query());
    }

    public boolean delete(String id) {
        return mongo.remove(Query.query(Criteria.where(ID).is(id)), StoredRagIndex.class).getDeletedCount() > 0;
    }

    public void deleteForDocument(long documentId) {
        mongo.remove(Query.query(Criteria.where(DOCUMENT_ID).is(documentId)), StoredRagIndex.class);
    }

    private List<RagIndexRecord> find(Query query) {
        return mongo.find(query, StoredRagIndex.class).stream().map(StoredRagIndex::toRecord).toList();
    }
}
