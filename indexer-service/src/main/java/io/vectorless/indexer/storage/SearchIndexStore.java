package io.vectorless.indexer.storage;

import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.schema.store.StoreFields.SearchIndex;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.search.IndexArchive;
import io.vectorless.search.IndexInput;
import io.vectorless.support.storage.ObjectStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Writes a version's search index to object storage (one archive beside the version's other objects), where
 * query-service opens it: the {@code indexed} event names the object. {@code search_indexes} is this service's own
 * bookkeeping of what it wrote, so removing a version removes its objects. Writing the same version again replaces
 * both, so a replayed event is harmless.
 */
@Component
public class SearchIndexStore {
    private final ObjectStore objects;
    private final MongoTemplate mongo;

    public SearchIndexStore(ObjectStore objects, MongoTemplate mongo) {
        this.objects = objects;
        this.mongo = mongo;
    }

    /** What was stored. */
    public record Stored(String objectKey, String language, long bytes, int pages) {
    }

    /** A version's record: where its index is, and the copy under the version's own key if one was backfilled. */
    public record Recorded(long documentId, int version, long workspaceId, String objectKey, boolean announced,
                           String versionKey) {
    }

    /**
     * Stores the index of one upload of a version under that upload's key, so an index can never be taken for
     * another upload's even if a document id were ever handed out twice. The caller announces the key.
     */
    public Stored write(long workspaceId, String uploadId, IndexInput input) {
        IndexArchive.Built built = IndexArchive.build(input);
        String key = ObjectKeys.searchIndex(workspaceId, input.documentId(), input.version(), uploadId);
        objects.put(key, built.archive(), IndexArchive.CONTENT_TYPE);
        record(input.documentId(), input.version(), workspaceId, key, built, true, null);
        return new Stored(key, built.written().language(), built.archive().length, built.written().pages());
    }

    /** Stores an index under the version's own key, for a version whose {@code indexed} event named no object. */
    public void writeVersionCopy(Recorded recorded, byte[] archive) {
        String key = ObjectKeys.searchIndex(recorded.workspaceId(), recorded.documentId(), recorded.version());
        objects.put(key, archive, IndexArchive.CONTENT_TYPE);
        mongo.updateFirst(Query.query(Criteria.where(SearchIndex.ID).is(id(recorded))),
                new Update().set(SearchIndex.VERSION_KEY, key), StoreNames.SEARCH_INDEXES);
    }

    /** Builds and stores the index of a version that only has nodes, under the version's own key. */
    public void writeVersionIndex(long workspaceId, IndexInput input) {
        IndexArchive.Built built = IndexArchive.build(input);
        String key = ObjectKeys.searchIndex(workspaceId, input.documentId(), input.version());
        objects.put(key, built.archive(), IndexArchive.CONTENT_TYPE);
        record(input.documentId(), input.version(), workspaceId, key, built, false, key);
    }

    private void record(long documentId, int version, long workspaceId, String key, IndexArchive.Built built,
                        boolean announced, String versionKey) {
        String id = SearchIndex.idOf(documentId, version);
        if (versionKey == null) {
            // a reindex of a backfilled version: the copy under the version's key stays recorded, so removing the
            // version still removes it (query-service reads it until the new indexed event reaches it)
            Document before = mongo.findById(id, Document.class, StoreNames.SEARCH_INDEXES);
            versionKey = before == null ? null : before.getString(SearchIndex.VERSION_KEY);
        }
        Document record = new Document(SearchIndex.ID, id)
                .append(SearchIndex.DOCUMENT_ID, documentId)
                .append(SearchIndex.VERSION, version)
                .append(SearchIndex.WORKSPACE_ID, workspaceId)
                .append(SearchIndex.OBJECT_KEY, key)
                .append(SearchIndex.LANGUAGE, built.written().language())
                .append(SearchIndex.BYTES, (long) built.archive().length)
                .append(SearchIndex.CREATED_AT, new Date())
                .append(SearchIndex.ANNOUNCED, announced);
        if (versionKey != null) {
            record.append(SearchIndex.VERSION_KEY, versionKey);
        }
        mongo.findAndReplace(Query.query(Criteria.where(SearchIndex.ID).is(id)), record,
                FindAndReplaceOptions.options().upsert(), Document.class, StoreNames.SEARCH_INDEXES);
    }

    /** Versions recorded before their {@code indexed} event named the object and not yet copied to their own key. */
    public List<Recorded> unannounced() {
        Query query = Query.query(Criteria.where(SearchIndex.ANNOUNCED).ne(true).and(SearchIndex.VERSION_KEY).is(null));
        return mongo.find(query, Document.class, StoreNames.SEARCH_INDEXES).stream()
                .map(SearchIndexStore::recorded).toList();
    }

    public boolean isRecorded(long documentId, int version) {
        return mongo.exists(Query.query(Criteria.where(SearchIndex.ID).is(SearchIndex.idOf(documentId, version))),
                StoreNames.SEARCH_INDEXES);
    }

    /** The archive's bytes, if the object is still there. */
    public Optional<byte[]> archive(String key) {
        return key != null && objects.exists(key) ? Optional.of(objects.getBytes(key)) : Optional.empty();
    }

    public int deleteVersion(long documentId, int version) {
        return delete(Query.query(Criteria.where(SearchIndex.ID).is(SearchIndex.idOf(documentId, version))));
    }

    public int deleteDocument(long documentId) {
        return delete(Query.query(Criteria.where(SearchIndex.DOCUMENT_ID).is(documentId)));
    }

    /** Removes a version's record and objects, including a copy under its own key that no record names yet. */
    public void deleteVersionAndCopy(long workspaceId, long documentId, int version) {
        deleteVersion(documentId, version);
        String key = ObjectKeys.searchIndex(workspaceId, documentId, version);
        if (objects.exists(key)) {
            objects.delete(key);
        }
    }

    private int delete(Query query) {
        int removed = 0;
        for (Document record : mongo.find(query, Document.class, StoreNames.SEARCH_INDEXES)) {
            for (String key : new String[]{record.getString(SearchIndex.OBJECT_KEY),
                    record.getString(SearchIndex.VERSION_KEY)}) {
                if (key != null && objects.exists(key)) {
                    objects.delete(key);
                }
            }
            mongo.remove(Query.query(Criteria.where(SearchIndex.ID).is(record.get(SearchIndex.ID))),
                    StoreNames.SEARCH_INDEXES);
            removed++;
        }
        return removed;
    }

    private static Recorded recorded(Document record) {
        return new Recorded(((Number) record.get(SearchIndex.DOCUMENT_ID)).longValue(),
                ((Number) record.get(SearchIndex.VERSION)).intValue(),
                ((Number) record.get(SearchIndex.WORKSPACE_ID)).longValue(), record.getString(SearchIndex.OBJECT_KEY),
                Boolean.TRUE.equals(record.getBoolean(SearchIndex.ANNOUNCED)),
                record.getString(SearchIndex.VERSION_KEY));
    }

    private static String id(Recorded recorded) {
        return SearchIndex.idOf(recorded.documentId(), recorded.version());
    }
}
