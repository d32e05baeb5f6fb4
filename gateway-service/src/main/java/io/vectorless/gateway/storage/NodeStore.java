package io.vectorless.gateway.storage;

import io.vectorless.schema.store.StoreNames;
import io.vectorless.schema.store.StoredNode;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/**
 * Reads the indexer's {@code nodes} collection (the indexer is its only writer). Field names are StoredNode's
 * components, with {@code id} stored as {@code _id}.
 */
@Repository
public class NodeStore {
    private final MongoTemplate mongo;

    public NodeStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every node of one version, in document order, without text (the tree view never shows it). */
    public List<StoredNode> outline(long documentId, int version) {
        Query query = Query.query(Criteria.where("documentId").is(documentId).and("version").is(version))
                .with(Sort.by("ordinal"));
        query.fields().exclude("text");
        return mongo.find(query, Document.class, StoreNames.NODES).stream().map(NodeStore::fromBson).toList();
    }

    public Optional<StoredNode> find(long documentId, int version, String nodeId) {
        Document found = mongo.findById(StoredNode.idOf(documentId, version, nodeId), Document.class, StoreNames.NODES);
        return Optional.ofNullable(found).map(NodeStore::fromBson);
    }

    public List<StoredNode> children(long documentId, int version, String nodeId) {
        Query query = Query.query(Criteria.where("documentId").is(documentId).and("version").is(version)
                .and("parentId").is(nodeId)).with(Sort.by("ordinal"));
        query.fields().exclude("text");
        return mongo.find(query, Document.class, StoreNames.NODES).stream().map(NodeStore::fromBson).toList();
    }

    @SuppressWarnings("unchecked")
    static StoredNode fromBson(Document d) {
        return new StoredNode(d.getString("_id"), Bson.longOf(d, "documentId"), Bson.intOf(d, "version"),
                Bson.longOf(d, "workspaceId"), d.getString("nodeId"), d.getString("parentId"), Bson.intOf(d, "level"),
                Bson.intOf(d, "ordinal"), d.getString("title"), d.getString("summary"), Bson.intOf(d, "startPage"),
                Bson.intOf(d, "endPage"), d.getString("text"), (List<String>) d.get("imageKeys"),
                (List<String>) d.get("childIds"), Bson.intOf(d, "tokens"));
    }
}
