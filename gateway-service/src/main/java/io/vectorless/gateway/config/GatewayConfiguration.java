package io.vectorless.gateway.config;

import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.gateway.storage.IdSequence;
import io.vectorless.gateway.ragindex.storage.RagIndexStore;
import io.vectorless.schema.store.StoreNames;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the indexes the gateway's dedup and lookups rely on, and lifts the id counters above every id in use,
 * before anything serves requests.
 */
@Configuration
class GatewayConfiguration {

    GatewayConfiguration(DocumentStore documents, RagIndexStore ragIndexes, IdSequence ids) {
        documents.ensureIndexes();
        ragIndexes.ensureIndexes();
        ids.catchUp("documents", StoreNames.DOCUMENTS);
        ids.catchUp("workspaces", StoreNames.WORKSPACES);
    }
}
