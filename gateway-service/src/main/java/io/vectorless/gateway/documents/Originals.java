package io.vectorless.gateway.documents;

import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.support.storage.ObjectStore;
import org.springframework.stereotype.Component;

/** The original uploaded files, the only objects the gateway writes. */
@Component
public class Originals {
    private final ObjectStore objects;

    public Originals(ObjectStore objects) {
        this.objects = objects;
    }

    /**
     * Removes the originals a deletion covers, of every upload under the document (or the version); removing what is
     * already gone is fine, so replays are harmless.
     */
    public void deleteCovered(DocumentDeleted deleted) {
        String prefix = deleted.wholeDocument()
                ? ObjectKeys.documentPrefix(deleted.workspaceId(), deleted.documentId())
                : ObjectKeys.versionPrefix(deleted.workspaceId(), deleted.documentId(), deleted.version());
        for (String key : objects.list(prefix)) {
            if (ObjectKeys.isOriginal(key)) {
                objects.delete(key);
            }
        }
    }
}
