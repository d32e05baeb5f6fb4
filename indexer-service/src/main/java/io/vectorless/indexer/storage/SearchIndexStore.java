package io.vectorless.indexer.storage;

import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.schema.store.StoreFields;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.search.IndexArchive;
import io.vectorless.search.IndexInput;
import io.vectorless.search.SearchIndexWriter;
import io.vectorless.support.storage.ObjectStore;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * Writes a version's search index to object storage (one archive beside the version's other objects) and records
 * it in {@code search_indexes}, where query-service finds it; removes both with the version. Writing the same
 * version again replaces both, so a replayed event is harmless.
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

    /**
     * Stores the index of one upload of a version under that upload's key, so an index can never be taken for
     * another upload's even if a document id were ever handed out twice.
     */
    public Stored write(long workspaceId, String uploadId, IndexInput input) {
        SearchIndexWriter.Written written;
        byte[] archive;
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            written = SearchIndexWriter.write(input, directory);
            archive = IndexArchive.pack(directory);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String key = ObjectKeys.searchIndex(workspaceId, input.documentId(), input.version(), uploadId);
        objects.put(key, archive, IndexArchive.CONTENT_TYPE);
        String id = StoreFields.SearchIndex.idOf(input.documentId(), input.version());
        Document record = new Document(StoreFields.SearchIndex.ID, id)
                .append(StoreFields.SearchIndex.DOCUMENT_ID, input.documentId())
                .append(StoreFields.SearchIndex.VERSION, input.version())
                .append(StoreFields.SearchIndex.WORKSPACE_ID, workspaceId)
                .append(StoreFields.SearchIndex.OBJECT_KEY, key)
                .append(StoreFields.SearchIndex.LANGUAGE, written.language())
                .append(StoreFields.SearchIndex.BYTES, (long) archive.length)
                .append(StoreFields.SearchIndex.CREATED_AT, new Date());
        mongo.findAndReplace(Query.query(Criteria.where(StoreFields.SearchIndex.ID).is(id)), record,
                FindAndReplaceOptions.options().upsert(), Document.class, StoreNames.SEARCH_INDEXES);
        return new Stored(key, written.language(), archive.length, written.pages());
    }

    public int deleteVersion(long documentId, int version) {
        return delete(Query.query(Criteria.where(StoreFields.SearchIndex.ID)
                .is(StoreFields.SearchIndex.idOf(documentId, version))));
    }

    public int deleteDocument(long documentId) {
        return delete(Query.query(Criteria.where(StoreFields.SearchIndex.DOCUMENT_ID).is(documentId)));
    }

    private int delete(Query query) {
        int removed = 0;
        for (Document record : mongo.find(query, Document.class, StoreNames.SEARCH_INDEXES)) {
            String key = record.getString(StoreFields.SearchIndex.OBJECT_KEY);
            if (key != null && objects.exists(key)) {
                objects.delete(key);
            }
            mongo.remove(Query.query(Criteria.where(StoreFields.SearchIndex.ID).is(record.get(StoreFields.SearchIndex.ID))),
                    StoreNames.SEARCH_INDEXES);
            removed++;
        }
        return removed;
    }
}
