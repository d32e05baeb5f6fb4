package io.vectorless.gateway.ragindex;

import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.domain.RagIndexRecord;
import io.vectorless.gateway.domain.RagIndexState;
import io.vectorless.gateway.ragindex.storage.RagIndexStore;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Keeps a document's RAG-index records in step with the document's pipeline state. */
@Component
public class RagIndexSync {
    private final RagIndexStore indexes;

    public RagIndexSync(RagIndexStore indexes) {
        this.indexes = indexes;
    }

    public void refresh(DocumentRecord doc) {
        RagIndexState state = RagIndexState.of(doc);
        for (RagIndexRecord record : indexes.forDocument(doc.id())) {
            if (record.status().sticky()) {
                continue;
            }
            if (record.status() != state.status() || record.progress() != state.progress()
                    || record.usedBytes() != state.usedBytes()) {
                indexes.save(record.withState(state, Instant.now()));
            }
        }
    }
}
