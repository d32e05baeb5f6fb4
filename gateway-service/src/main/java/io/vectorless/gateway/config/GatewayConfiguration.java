package io.vectorless.gateway.config;

import io.vectorless.gateway.storage.DocumentStore;
import io.vectorless.gateway.storage.RagIndexStore;
import org.springframework.context.annotation.Configuration;

/** Creates the indexes the gateway's dedup and lookups rely on before anything serves requests. */
@Configuration
class GatewayConfiguration {

    GatewayConfiguration(DocumentStore documents, RagIndexStore ragIndexes) {
        documents.ensureIndexes();
        ragIndexes.ensureIndexes();
    }
}
