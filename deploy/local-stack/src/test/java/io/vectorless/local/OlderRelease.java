package io.vectorless.local;

import io.vectorless.indexer.indexing.SearchIndexBackfill;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.schema.event.IndexResult;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.schema.store.StoredNodes;
import io.vectorless.schema.tree.TreeNode;
import io.vectorless.support.messaging.EventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/**
 * Leaves data in a running stack as a release before per-version search-index objects left it: a version's nodes in
 * the indexer's collection and an {@code indexed} event that names no search index. What an upgraded indexer does
 * at start is then run again, as a restart would.
 */
final class OlderRelease {
    private OlderRelease() {
    }

    static void indexedWithNodesOnly(LocalStack stack, long workspaceId, long documentId, String title, String text) {
        ConfigurableApplicationContext indexer = indexer(stack);
        TreeNode root = new TreeNode("root", title, "", 0, 1, 2, "", List.of(), List.of(
                new TreeNode("1", "Introduction", "", 1, 1, 1, "What this manual is for.", List.of(), List.of()),
                new TreeNode("2", "Restore Drills", "", 1, 2, 2, text, List.of(), List.of())));
        indexer.getBean(MongoTemplate.class).insert(StoredNodes.flatten(documentId, 1, workspaceId, root,
                t -> t.length() / 4), StoreNames.NODES);
        IndexResult older = new IndexResult(title, "", 2, 0, 2, text.length(), 0, 0, null, "legacy.md");
        indexer.getBean(EventPublisher.class).publish(DocumentStatusChanged.indexed(documentId, 1, workspaceId,
                older, "indexer-service"));
    }

    static void restartBackfill(LocalStack stack) {
        indexer(stack).getBean(SearchIndexBackfill.class).run();
    }

    private static ConfigurableApplicationContext indexer(LocalStack stack) {
        return stack.services().stream().filter(c -> c.getBeanNamesForType(SearchIndexBackfill.class).length > 0)
                .findFirst().orElseThrow(() -> new AssertionError("no indexer in the stack"));
    }
}
