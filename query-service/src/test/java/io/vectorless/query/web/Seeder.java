package io.vectorless.query.web;

import io.vectorless.query.storage.AnswerableDocuments;
import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.schema.tree.TreeNode;
import io.vectorless.search.IndexArchive;
import io.vectorless.search.IndexInput;
import io.vectorless.support.storage.ObjectStore;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sets up what query-service would have learnt from the pipeline: answerable versions in its own read model (what
 * its listener writes on an {@code indexed} event; the listener itself is tested from the contract fixtures) and
 * each version's search index where the indexer writes it (one archive in object storage, built by the same
 * writer), with ids unique in the JVM. Workspaces need no setup: the gateway owns and checks them.
 */
final class Seeder {
    private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));

    private final ObjectStore objects;
    private final AnswerableDocuments answerable;

    Seeder(ObjectStore objects, AnswerableDocuments answerable) {
        this.objects = objects;
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
                    root.title().toLowerCase().replace(' ', '_') + ".pdf", root.summary(),
                    key(workspaceId, id, indexedVersion));
        }
        return id;
    }

    long indexed(long workspaceId, TreeNode root) {
        long id = document(workspaceId, root, "indexed", 1, 1);
        artifact(workspaceId, id, 1, root);
        return id;
    }

    /** Where the indexer would write this version's search index (under one upload of it). */
    String key(long workspaceId, long documentId, int version) {
        return ObjectKeys.searchIndex(workspaceId, documentId, version, "upload-" + documentId);
    }

    /** Writes the version's search index at {@link #key}; returns the key. */
    String artifact(long workspaceId, long documentId, int version, TreeNode root) {
        return put(key(workspaceId, documentId, version), documentId, version, root);
    }

    /** Writes the search index where an older release's versions get theirs: under the version's own key. */
    String versionArtifact(long workspaceId, long documentId, int version, TreeNode root) {
        return put(ObjectKeys.searchIndex(workspaceId, documentId, version), documentId, version, root);
    }

    private String put(String key, long documentId, int version, TreeNode root) {
        byte[] archive = IndexArchive.build(new IndexInput(documentId, version, root.title(), root, List.of()))
                .archive();
        objects.put(key, archive, IndexArchive.CONTENT_TYPE);
        return key;
    }
}
