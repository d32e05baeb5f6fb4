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

    /** Removes the originals a deletion covers; removing what is already gone is fine, so replays are harmless. */
    public void deleteCovered(DocumentDeleted deleted) {
        if (deleted.wholeDocument()) {
            for (int version = 1; version <= deleted.version(); version++) {
                objects.delete(ObjectKeys.original(deleted.workspaceId(), deleted.documentId(), version));
            }
        } else {
            objects.delete(ObjectKeys.original(deleted.workspaceId(), deleted.documentId(), deleted.version()));
        }
    }
}
