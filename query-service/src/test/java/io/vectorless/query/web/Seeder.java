package io.vectorless.query.web;

import io.vectorless.schema.store.StoreFields;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.schema.store.StoredNodes;
import io.vectorless.schema.tree.TreeNode;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Writes workspaces, documents and nodes the way the gateway and the indexer do, with ids unique in the JVM. */
final class Seeder {
    private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));

    private final MongoTemplate mongo;

    Seeder(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    long workspace(String name) {
        long id = IDS.incrementAndGet();
        mongo.insert(new Document(StoreFields.Workspace.ID, id)
                .append(StoreFields.Workspace.NAME, name)
                .append(StoreFields.Workspace.DESCRIPTION, "")
                .append(StoreFields.Workspace.OWNER_USERNAME, "default")
                .append(StoreFields.Workspace.CREATED_AT, new Date(1_709_251_200_000L)), StoreNames.WORKSPACES);
        return id;
    }

    /** A document whose version {@code indexedVersion} is indexed (0: none yet) and whose latest is {@code version}. */
    long document(long workspaceId, TreeNode root, String status, int version, int indexedVersion) {
        long id = IDS.incrementAndGet();
        mongo.insert(new Document(StoreFields.Document.ID, id)
                .append(StoreFields.Document.WORKSPACE_ID, workspaceId)
                .append(StoreFields.Document.FILE_NAME, root.title().toLowerCase().replace(' ', '_') + ".pdf")
                .append(StoreFields.Document.DOC_TITLE, root.title())
                .append(StoreFields.Document.ROOT_SUMMARY, root.summary())
                .append(StoreFields.Document.STATUS, status)
                .append(StoreFields.Document.VERSION, version)
                .append(StoreFields.Document.INDEXED_VERSION, indexedVersion)
                .append(StoreFields.Document.CREATED_AT, new Date()), StoreNames.DOCUMENTS);
        return id;
    }

    long indexed(long workspaceId, TreeNode root) {
        long id = document(workspaceId, root, "indexed", 1, 1);
        nodes(workspaceId, id, 1, root);
        return id;
    }

    void nodes(long workspaceId, long documentId, int version, TreeNode root) {
        mongo.insert(StoredNodes.flatten(documentId, version, workspaceId, root, text -> text.length() / 4),
                StoreNames.NODES);
    }
}
