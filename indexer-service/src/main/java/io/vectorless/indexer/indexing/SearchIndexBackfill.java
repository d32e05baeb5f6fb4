package io.vectorless.indexer.indexing;

import io.vectorless.indexer.storage.NodeStore;
import io.vectorless.indexer.storage.SearchIndexStore;
import io.vectorless.schema.store.StoredNodes;
import io.vectorless.search.IndexInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives every version indexed by an older release a search index where query-service looks for one when the
 * {@code indexed} event it learnt the version from names no object: under the version's own key. A version whose
 * index was already in object storage (under its upload's key, recorded only here) is copied; one indexed before
 * search indexes existed gets one built from its nodes. Runs once at start, in the background; it is idempotent and
 * safe on several replicas at once (each writes the same bytes), and a version deleted meanwhile loses its copy.
 *
 * <p>Chosen over query-service asking for a reindex: a reindex parses the original again and, with an LLM, pays for
 * every summary again, needs the gateway and ingest, and leaves the document unanswerable meanwhile; the indexer
 * already holds everything a version's index needs.
 */
@Service
public class SearchIndexBackfill {
    private static final Logger log = LoggerFactory.getLogger(SearchIndexBackfill.class);

    private final NodeStore nodes;
    private final SearchIndexStore searchIndexes;

    public SearchIndexBackfill(NodeStore nodes, SearchIndexStore searchIndexes) {
        this.nodes = nodes;
        this.searchIndexes = searchIndexes;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread thread = new Thread(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                log.warn("search index backfill stopped; it runs again at the next start: {}", e.getMessage());
            }
        }, "search-index-backfill");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the versions given a search index under their own key */
    public int run() {
        int done = 0;
        for (SearchIndexStore.Recorded recorded : searchIndexes.unannounced()) {
            Optional<byte[]> archive = searchIndexes.archive(recorded.objectKey());
            if (archive.isPresent()) {
                searchIndexes.writeVersionCopy(recorded, archive.get());
            } else if (!build(recorded.workspaceId(), recorded.documentId(), recorded.version())) {
                continue;
            }
            done += keepUnlessDeleted(recorded.workspaceId(), recorded.documentId(), recorded.version());
        }
        List<NodeStore.StoredVersion> versions = nodes.versions();
        Set<String> recorded = versions.stream().filter(v -> searchIndexes.isRecorded(v.documentId(), v.version()))
                .map(NodeStore.StoredVersion::toString).collect(Collectors.toSet());
        for (NodeStore.StoredVersion version : versions) {
            if (!recorded.contains(version.toString())
                    && build(version.workspaceId(), version.documentId(), version.version())) {
                done += keepUnlessDeleted(version.workspaceId(), version.documentId(), version.version());
            }
        }
        if (done > 0) {
            log.info("search index backfill: {} versions indexed by an older release now have their index under "
                    + "their own key", done);
        }
        return done;
    }

    private boolean build(long workspaceId, long documentId, int version) {
        return StoredNodes.assemble(nodes.nodesOf(documentId, version)).map(root -> {
            searchIndexes.writeVersionIndex(workspaceId, new IndexInput(documentId, version, root.title(), root,
                    List.of()));
            return true;
        }).orElse(false);
    }

    /** A deletion may have run while the copy was written: its nodes are removed first, so they tell. */
    private int keepUnlessDeleted(long workspaceId, long documentId, int version) {
        if (nodes.hasVersion(documentId, version)) {
            return 1;
        }
        searchIndexes.deleteVersionAndCopy(workspaceId, documentId, version);
        return 0;
    }
}
