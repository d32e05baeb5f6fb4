package io.vectorless.query.store;

import io.vectorless.query.answer.QuerySource;
import io.vectorless.query.navigate.DocumentCard;
import io.vectorless.schema.store.StoreFields;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.schema.tree.TreeNode;
import io.vectorless.support.storage.ObjectStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads answerable documents from the gateway's {@code documents} and their trees from the indexer's {@code nodes}. */
public class MongoQuerySource implements QuerySource {
    private static final Logger log = LoggerFactory.getLogger(MongoQuerySource.class);
    static final String NODE_DOCUMENT_ID = "documentId";
    static final String NODE_VERSION = "version";
    static final String NODE_ORDINAL = "ordinal";
    static final String NODE_WORKSPACE_ID = "workspaceId";
    static final String NODE_TITLE = "title";
    static final String NODE_SUMMARY = "summary";

    private final MongoTemplate mongo;
    private final ObjectStore objects;

    public MongoQuerySource(MongoTemplate mongo, ObjectStore objects) {
        this.mongo = mongo;
        this.objects = objects;
    }

    @Override
    public List<DocumentCard> answerableDocuments(long workspaceId) {
        Query query = new Query(Criteria.where(StoreFields.Document.WORKSPACE_ID).is(workspaceId)
                .and(StoreFields.Document.INDEXED_VERSION).gt(0))
                .with(Sort.by(StoreFields.Document.ID));
        List<Document> docs = mongo.find(query, Document.class, StoreNames.DOCUMENTS);
        // routing is skipped for a single document, so its section titles are not needed
        Map<String, List<String>> titles = docs.size() > 1 ? sectionTitles(workspaceId) : Map.of();
        List<DocumentCard> cards = new ArrayList<>();
        for (Document doc : docs) {
            long id = ((Number) doc.get(StoreFields.Document.ID)).longValue();
            int version = ((Number) doc.get(StoreFields.Document.INDEXED_VERSION)).intValue();
            String title = firstNonBlank(doc.getString(StoreFields.Document.DOC_TITLE),
                    doc.getString(StoreFields.Document.FILE_NAME), "Document " + id);
            cards.add(new DocumentCard(id, version, title, doc.getString(StoreFields.Document.ROOT_SUMMARY),
                    titles.getOrDefault(id + ":" + version, List.of())));
        }
        return cards;
    }

    /**
     * Section titles and summaries of every node in the workspace, by "documentId:version", in one query: a fact
     * that only a section's body states is usually in its summary (the start of its text, or the LLM's summary), so
     * routing sees it without loading any section text.
     */
    private Map<String, List<String>> sectionTitles(long workspaceId) {
        Query query = new Query(Criteria.where(NODE_WORKSPACE_ID).is(workspaceId)).with(Sort.by(NODE_ORDINAL));
        query.fields().include(NODE_DOCUMENT_ID, NODE_VERSION, NODE_TITLE, NODE_SUMMARY);
        Map<String, List<String>> out = new HashMap<>();
        for (Document node : mongo.find(query, Document.class, StoreNames.NODES)) {
            String title = firstNonBlank(node.getString(NODE_TITLE));
            String summary = firstNonBlank(node.getString(NODE_SUMMARY));
            String section = summary.isEmpty() ? title : title + " — " + summary;
            if (!section.isBlank() && node.get(NODE_DOCUMENT_ID) instanceof Number doc
                    && node.get(NODE_VERSION) instanceof Number version) {
                out.computeIfAbsent(doc.longValue() + ":" + version.intValue(), k -> new ArrayList<>()).add(section);
            }
        }
        return out;
    }

    @Override
    public Optional<TreeNode> tree(DocumentCard card) {
        List<Document> records = mongo.find(nodesOf(card.docId(), card.version()), Document.class, StoreNames.NODES);
        return NodeTrees.build(records);
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

    private static Query nodesOf(long documentId, int version) {
        return new Query(Criteria.where(NODE_DOCUMENT_ID).is(documentId).and(NODE_VERSION).is(version))
                .with(Sort.by(NODE_ORDINAL));
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
