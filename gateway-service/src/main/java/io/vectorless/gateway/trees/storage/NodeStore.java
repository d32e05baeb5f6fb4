package io.vectorless.gateway.trees.storage;

import io.vectorless.schema.store.StoreFields.Node;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.schema.store.StoredNode;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/**
 * Reads the indexer's {@code nodes} collection (the indexer is its only writer) as {@link StoredNode} records,
 * mapped the same way the indexer writes them; field names from {@link Node}.
 */
@Repository
public class NodeStore {
    private final MongoTemplate mongo;

    public NodeStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every node of one version, in document order, without text (the tree view never shows it). */
    public List<StoredNode> outline(long documentId, int version) {
        Query query = Query.query(Criteria.where(Node.DOCUMENT_ID).is(documentId).and(Node.VERSION).is(version))
                .with(Sort.by(Node.ORDINAL));
        query.fields().exclude(Node.TEXT);
        return mongo.find(query, StoredNode.class, StoreNames.NODES);
    }

    public Optional<StoredNode> find(long documentId, int version, String nodeId) {
        return Optional.ofNullable(mongo.findById(StoredNode.idOf(documentId, version, nodeId), StoredNode.class,
                StoreNames.NODES));
    }

    public List<StoredNode> children(long documentId, int version, String nodeId) {
        Query query = Query.query(Criteria.where(Node.DOCUMENT_ID).is(documentId).and(Node.VERSION).is(version)
                .and(Node.PARENT_ID).is(nodeId)).with(Sort.by(Node.ORDINAL));
        query.fields().exclude(Node.TEXT);
        return mongo.find(query, StoredNode.class, StoreNames.NODES);
    }
}
