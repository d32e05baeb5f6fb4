package io.vectorless.indexer.storage;

import io.vectorless.indexer.tree.BuiltTree;
import io.vectorless.indexer.tree.TextCuts;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.parsed.StructureReport;
import io.vectorless.schema.store.StoreFields.Node;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.schema.store.StoredNode;
import io.vectorless.schema.store.StoredNodes;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code nodes} collection: one {@link StoredNode} per tree node, keyed "{doc}:{version}:{nodeId}". Writing a
 * tree upserts every node and then removes nodes of the same version the tree no longer has, so writing the same
 * tree twice (a replayed event) leaves the same records, and no transaction is needed.
 */
@Component
public class NodeStore {
    private static final int BATCH = 500;
    private static final DocumentCodec CODEC = new DocumentCodec();

    private final MongoTemplate mongo;

    public NodeStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void ensureIndexes() {
        var indexes = mongo.indexOps(StoreNames.NODES);
        indexes.createIndex(new Index().on(Node.DOCUMENT_ID, Sort.Direction.ASC).on(Node.VERSION, Sort.Direction.ASC)
                .on(Node.ORDINAL, Sort.Direction.ASC).named("document_version_ordinal"));
        indexes.createIndex(new Index().on(Node.WORKSPACE_ID, Sort.Direction.ASC).named("workspace"));
    }

    /** Stores the tree's nodes for this document version; returns their approximate stored size in bytes. */
    public long replaceTree(long documentId, int version, long workspaceId, BuiltTree tree) {
        List<StoredNode> nodes = StoredNodes.flatten(documentId, version, workspaceId, tree.root(),
                text -> TextCuts.tokens(text.length()));
        long bytes = 0;
        List<String> ids = new ArrayList<>(nodes.size());
        for (int from = 0; from < nodes.size(); from += BATCH) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoreNames.NODES);
            for (StoredNode node : nodes.subList(from, Math.min(nodes.size(), from + BATCH))) {
                Document document = new Document();
                mongo.getConverter().write(node, document);
                bytes += new RawBsonDocument(document, CODEC).getByteBuffer().remaining();
                bulk.replaceOne(Query.query(Criteria.where(Node.ID).is(node.id())), document,
                        FindAndReplaceOptions.options().upsert());
                ids.add(node.id());
            }
            bulk.execute();
        }
        mongo.remove(Query.query(Criteria.where(Node.DOCUMENT_ID).is(documentId).and(Node.VERSION).is(version)
                .and(Node.ID).nin(ids)), StoreNames.NODES);
        return bytes;
    }

    /** Keeps the parser's structure report on the version's root node record, beside the tree it describes. */
    public void attachStructure(long documentId, int version, String rootNodeId, StructureReport report) {
        mongo.updateFirst(Query.query(Criteria.where(Node.ID).is(StoredNode.idOf(documentId, version, rootNodeId))),
                new Update().set(Node.STRUCTURE, Document.parse(EventJson.write(report))), StoreNames.NODES);
    }

    public List<StoredNode> nodesOf(long documentId, int version) {
        Query query = Query.query(Criteria.where(Node.DOCUMENT_ID).is(documentId).and(Node.VERSION).is(version))
                .with(Sort.by(Node.ORDINAL));
        return mongo.find(query, StoredNode.class, StoreNames.NODES);
    }

    /** Every node of one version in document order, without texts (what a table of contents needs). */
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

    /** A node's children in order, without texts. */
    public List<StoredNode> children(long documentId, int version, String nodeId) {
        Query query = Query.query(Criteria.where(Node.DOCUMENT_ID).is(documentId).and(Node.VERSION).is(version)
                .and(Node.PARENT_ID).is(nodeId)).with(Sort.by(Node.ORDINAL));
        query.fields().exclude(Node.TEXT);
        return mongo.find(query, StoredNode.class, StoreNames.NODES);
    }

    /** A stored version, named by its root node. */
    public record StoredVersion(long documentId, int version, long workspaceId) {
    }

    /** Every version that has nodes (one root each). */
    public List<StoredVersion> versions() {
        Query query = Query.query(Criteria.where(Node.PARENT_ID).is(null));
        query.fields().include(Node.DOCUMENT_ID, Node.VERSION, Node.WORKSPACE_ID);
        return mongo.find(query, Document.class, StoreNames.NODES).stream()
                .map(root -> new StoredVersion(((Number) root.get(Node.DOCUMENT_ID)).longValue(),
                        ((Number) root.get(Node.VERSION)).intValue(),
                        ((Number) root.get(Node.WORKSPACE_ID)).longValue()))
                .toList();
    }

    public boolean hasVersion(long documentId, int version) {
        return mongo.exists(Query.query(Criteria.where(Node.DOCUMENT_ID).is(documentId).and(Node.VERSION).is(version)),
                StoreNames.NODES);
    }

    public long deleteDocument(long documentId) {
        return mongo.remove(Query.query(Criteria.where(Node.DOCUMENT_ID).is(documentId)), StoreNames.NODES)
                .getDeletedCount();
    }

    public long deleteVersion(long documentId, int version) {
        return mongo.remove(Query.query(Criteria.where(Node.DOCUMENT_ID).is(documentId).and(Node.VERSION).is(version)),
                StoreNames.NODES).getDeletedCount();
    }
}
