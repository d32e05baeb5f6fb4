package io.vectorless.query.web;

import io.vectorless.query.storage.AnswerableDocuments;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.schema.store.StoredNodes;
import io.vectorless.schema.tree.TreeNode;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sets up what query-service would have learnt from the pipeline: answerable versions in its own read model (what
 * its listener writes on an {@code indexed} event; the listener itself is tested from the contract fixtures) and the
 * indexer's nodes, with ids unique in the JVM. Workspaces need no setup: the gateway owns and checks them.
 */
final class Seeder {
    private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));

    private final MongoTemplate mongo;
    private final AnswerableDocuments answerable;

    Seeder(MongoTemplate mongo, AnswerableDocuments answerable) {
        this.mongo = mongo;
        this.answerable = answerable;
    }

    /** A fresh workspace id. */
    long workspace(String name) {
        return IDS.incrementAndGet();
    }

    /** A document whose version {@code indexedVersion} is indexed (0: none yet) and whose latest is {@code version}. */
    long document(long workspaceId, TreeNode root, String status, int version, int indexedVersion) {
        long id = IDS.incrementAndGet();
        if (indexedVersion > 0) {
            answerable.indexed(id, workspaceId, indexedVersion, root.title(),
                    root.title().toLowerCase().replace(' ', '_') + ".pdf", root.summary());
        }
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
