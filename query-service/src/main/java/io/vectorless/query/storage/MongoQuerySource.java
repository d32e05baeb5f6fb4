package io.vectorless.query.storage;

import io.vectorless.query.answer.QuerySource;
import io.vectorless.query.navigate.DocumentCard;
import io.vectorless.schema.store.StoreFields;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.support.storage.ObjectStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads answerable documents from the gateway's {@code documents} and opens their versions' search indexes. */
public class MongoQuerySource implements QuerySource {
    private static final Logger log = LoggerFactory.getLogger(MongoQuerySource.class);

    private final MongoTemplate mongo;
    private final ObjectStore objects;
    private final SearchIndexStore indexes;

    public MongoQuerySource(MongoTemplate mongo, ObjectStore objects, SearchIndexStore indexes) {
        this.mongo = mongo;
        this.objects = objects;
        this.indexes = indexes;
    }

    @Override
    public List<DocumentCard> answerableDocuments(long workspaceId) {
        Query query = new Query(Criteria.where(StoreFields.Document.WORKSPACE_ID).is(workspaceId)
                .and(StoreFields.Document.INDEXED_VERSION).gt(0))
                .with(Sort.by(StoreFields.Document.ID));
        query.fields().include(StoreFields.Document.ID, StoreFields.Document.INDEXED_VERSION,
                StoreFields.Document.DOC_TITLE, StoreFields.Document.FILE_NAME, StoreFields.Document.ROOT_SUMMARY);
        List<DocumentCard> cards = new ArrayList<>();
        for (Document doc : mongo.find(query, Document.class, StoreNames.DOCUMENTS)) {
            long id = ((Number) doc.get(StoreFields.Document.ID)).longValue();
            int version = ((Number) doc.get(StoreFields.Document.INDEXED_VERSION)).intValue();
            String title = firstNonBlank(doc.getString(StoreFields.Document.DOC_TITLE),
                    doc.getString(StoreFields.Document.FILE_NAME), "Document " + id);
            cards.add(new DocumentCard(id, version, title, doc.getString(StoreFields.Document.ROOT_SUMMARY),
                    List.of()));
        }
        return cards;
    }

    /** Section titles and summaries for routing come from each version's search index, not from the nodes. */
    @Override
    public Optional<DocumentSearchIndex> index(DocumentCard card) {
        return indexes.open(card.docId(), card.version());
    }

    @Override
    public Optional<byte[]> image(String key) {
        try {
            return Optional.of(objects.getBytes(key));
        } catch (RuntimeException e) {
            log.warn("image {} cannot be read: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    /** Looks up workspaces for the HTTP layer. */
    public Optional<Workspace> workspace(long id) {
        Document doc = mongo.findById(id, Document.class, StoreNames.WORKSPACES);
        return Optional.ofNullable(doc).map(MongoQuerySource::workspace);
    }

    public List<Workspace> workspaces() {
        return mongo.find(new Query().with(Sort.by(StoreFields.Workspace.ID)), Document.class, StoreNames.WORKSPACES)
                .stream().map(MongoQuerySource::workspace).toList();
    }

    private static Workspace workspace(Document doc) {
        return new Workspace(((Number) doc.get(StoreFields.Workspace.ID)).longValue(),
                doc.getString(StoreFields.Workspace.NAME), Timestamps.epochSeconds(doc.get(StoreFields.Workspace.CREATED_AT)));
    }

    public record Workspace(long id, String name, long createdEpochSeconds) {
    }
}
