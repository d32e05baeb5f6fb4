package io.vectorless.gateway.documents;

import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.gateway.ragindex.storage.RagIndexStore;
import io.vectorless.gateway.documents.storage.StructureStore;
import io.vectorless.schema.event.DocumentDeleted;
import org.springframework.stereotype.Component;

/**
 * Removes what the gateway owns for a deletion: the original files it covers and, for a whole document, its
 * records. Everything here is idempotent, so the HTTP delete and the replayed event may both run it.
 */
@Component
public class DeletionCleanup {
    private final Originals originals;
    private final DocumentStore docs;
    private final RagIndexStore ragIndexes;
    private final StructureStore structures;

    public DeletionCleanup(Originals originals, DocumentStore docs, RagIndexStore ragIndexes,
                           StructureStore structures) {
        this.originals = originals;
        this.docs = docs;
        this.ragIndexes = ragIndexes;
        this.structures = structures;
    }

    public void apply(DocumentDeleted deleted) {
        originals.deleteCovered(deleted);
        if (deleted.wholeDocument()) {
            ragIndexes.deleteForDocument(deleted.documentId());
            structures.delete(deleted.documentId());
            docs.delete(deleted.documentId());
        }
    }
}
