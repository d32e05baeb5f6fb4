package io.vectorless.query.storage;

import io.vectorless.query.navigate.DocumentCard;
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
 * events rather than read from the gateway's collections. Each write is a single conditional upsert, so redelivered
 * and out-of-order events are harmless: a version only ever replaces an older one, and a deleted document keeps a
 * tombstone that no late {@code indexed} event can bring back (document ids are never reused).
 */
public class AnswerableDocuments {
    static final String WORKSPACE_ID = "workspaceId";
    static final String VERSION = "version";
    static final String DELETED = "deleted";

    private final MongoTemplate mongo;

    public AnswerableDocuments(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(StoreNames.ANSWERABLE_DOCUMENTS)
                .ensureIndex(new Index().on(WORKSPACE_ID, Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
    }

    /** One document's answerable version as stored; {@code deleted} ones are tombstones. */
    @Document(StoreNames.ANSWERABLE_DOCUMENTS)
    public record Entry(@Id long id, long workspaceId, int version, String title, String fileName,
                        String rootSummary, boolean deleted, Instant updatedAt) {
    }

    /** {@code version} of the document is indexed: it answers from now on unless a newer one already does. */
    public void indexed(long documentId, long workspaceId, int version, String title, String fileName,
                        String rootSummary) {
        Query olderOrSame = Query.query(Criteria.where("_id").is(documentId).and(DELETED).ne(true)
                .and(VERSION).lte(version));
        Update update = new Update().set(WORKSPACE_ID, workspaceId).set(VERSION, version).set("title", title)
                .set("fileName", fileName).set("rootSummary", rootSummary).set(DELETED, false)
                .set("updatedAt", Instant.now());
        try {
            mongo.upsert(olderOrSame, update, Entry.class);
        } catch (DuplicateKeyException newerOrDeleted) {
            // the document is already at a newer version, or deleted: this event is old news
        }
    }

    /** The whole document is deleted; it never answers again. */
    public void deleted(long documentId, long workspaceId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(documentId)), new Update().set(DELETED, true)
                .set(WORKSPACE_ID, workspaceId).unset("title").unset("fileName").unset("rootSummary")
                .set("updatedAt", Instant.now()), Entry.class);
    }

    /** The workspace's answerable documents, oldest first, as routing sees them. */
    public List<DocumentCard> cards(long workspaceId) {
        Query query = Query.query(Criteria.where(WORKSPACE_ID).is(workspaceId).and(DELETED).is(false))
                .with(Sort.by("_id"));
        return mongo.find(query, Entry.class).stream().map(AnswerableDocuments::card).toList();
    }

    private static DocumentCard card(Entry entry) {
        String title = firstNonBlank(entry.title(), entry.fileName(), "Document " + entry.id());
        return new DocumentCard(entry.id(), entry.version(), title, entry.rootSummary(), List.of());
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
