package io.vectorless.query.storage;

import io.vectorless.query.navigate.DocumentCard;
import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.schema.store.StoreNames;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.List;

/**
 * query-service's own list of answerable documents ({@link StoreNames#ANSWERABLE_DOCUMENTS}), fed by the pipeline's
 * events rather than read from another service's collections. Each write is a single conditional upsert, so
 * redelivered and out-of-order events are harmless: a version only ever replaces an older one, a user's edit only
 * a older edit of the same field, and a deleted document keeps a tombstone that no late event can bring back
 * (document ids are never reused). A user's edits live beside the pipeline's title and file name, so a reindex,
 * which brings the pipeline's again, never overwrites them.
 */
public class AnswerableDocuments {
    static final String WORKSPACE_ID = "workspaceId";
    static final String VERSION = "version";
    static final String DELETED = "deleted";
    static final String EDITED_TITLE = "editedTitle";
    static final String EDITED_FILE_NAME = "editedFileName";

    private final MongoTemplate mongo;

    public AnswerableDocuments(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(StoreNames.ANSWERABLE_DOCUMENTS)
                .ensureIndex(new Index().on(WORKSPACE_ID, Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
    }

    /**
     * One document's answerable version as stored; {@code deleted} ones are tombstones, and one with version 0 has
     * only a user's edit so far. {@code searchIndexKey} is where the version's search index is (null when the
     * {@code indexed} event was from an older indexer: then it is under the version's own key).
     */
    @Document(StoreNames.ANSWERABLE_DOCUMENTS)
    public record Entry(@Id long id, long workspaceId, int version, String title, String fileName,
                        String rootSummary, String searchIndexKey, String editedTitle, String editedFileName,
                        boolean deleted, Instant updatedAt) {

        /** The object holding this version's search index. */
        public String indexKey() {
            return searchIndexKey != null && !searchIndexKey.isBlank() ? searchIndexKey
                    : ObjectKeys.searchIndex(workspaceId, id, version);
        }

        public DocumentCard card() {
            String shown = firstNonBlank(editedTitle, title, editedFileName, fileName, "Document " + id);
            return new DocumentCard(id, version, shown, rootSummary, List.of());
        }
    }

    /** {@code version} of the document is indexed: it answers from now on unless a newer one already does. */
    public void indexed(long documentId, long workspaceId, int version, String title, String fileName,
                        String rootSummary, String searchIndexKey) {
        Criteria olderOrNone = new Criteria().orOperator(Criteria.where(VERSION).lte(version),
                Criteria.where(VERSION).exists(false));
        Query query = Query.query(Criteria.where("_id").is(documentId).and(DELETED).ne(true)).addCriteria(olderOrNone);
        Update update = new Update().set(WORKSPACE_ID, workspaceId).set(VERSION, version).set("title", title)
                .set("fileName", fileName).set("rootSummary", rootSummary).set("searchIndexKey", searchIndexKey)
                .set(DELETED, false).set("updatedAt", Instant.now());
        upsert(query, update);
    }

    public void indexed(long documentId, long workspaceId, int version, String title, String fileName,
                        String rootSummary) {
        indexed(documentId, workspaceId, version, title, fileName, rootSummary, null);
    }

    /**
     * A user set the document's title and/or file name ({@code null}: not this field) at {@code editedAt}. Each
     * field takes the edit only over an older edit of it, whether or not a version is indexed yet.
     */
    public void edited(long documentId, long workspaceId, String title, String fileName, Instant editedAt) {
        edit(documentId, workspaceId, EDITED_TITLE, title, editedAt);
        edit(documentId, workspaceId, EDITED_FILE_NAME, fileName, editedAt);
    }

    private void edit(long documentId, long workspaceId, String field, String value, Instant editedAt) {
        if (value == null) {
            return;
        }
        String at = field + "At";
        Criteria olderOrNone = new Criteria().orOperator(Criteria.where(at).lt(editedAt),
                Criteria.where(at).exists(false));
        Query query = Query.query(Criteria.where("_id").is(documentId).and(DELETED).ne(true)).addCriteria(olderOrNone);
        upsert(query, new Update().set(field, value).set(at, editedAt).setOnInsert(WORKSPACE_ID, workspaceId)
                .setOnInsert(VERSION, 0).setOnInsert(DELETED, false).set("updatedAt", Instant.now()));
    }

    private void upsert(Query query, Update update) {
        try {
            mongo.upsert(query, update, Entry.class);
        } catch (DuplicateKeyException newerOrDeleted) {
            // the document already holds something newer, or is deleted: this event is old news
        }
    }

    /** The whole document is deleted; it never answers again. */
    public void deleted(long documentId, long workspaceId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(documentId)), new Update().set(DELETED, true)
                .set(WORKSPACE_ID, workspaceId).unset("title").unset("fileName").unset("rootSummary")
                .unset(EDITED_TITLE).unset(EDITED_FILE_NAME).unset("searchIndexKey")
                .set("updatedAt", Instant.now()), Entry.class);
    }

    /** The workspace's answerable documents, oldest first, as routing sees them. */
    public List<DocumentCard> cards(long workspaceId) {
        return answerable(workspaceId).stream().map(Entry::card).toList();
    }

    /** The workspace's documents with an indexed version, oldest first. */
    public List<Entry> answerable(long workspaceId) {
        Query query = Query.query(Criteria.where(WORKSPACE_ID).is(workspaceId).and(DELETED).is(false)
                .and(VERSION).gt(0)).with(Sort.by("_id"));
        return mongo.find(query, Entry.class);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
