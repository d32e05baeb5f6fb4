package io.vectorless.schema.store;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoreNamesTest {
    private static final List<String> SERVICES = List.of(StoreNames.GATEWAY, StoreNames.INGEST, StoreNames.INDEXER,
            StoreNames.QUERY);
    private static final List<String> COLLECTIONS = List.of(StoreNames.WORKSPACES, StoreNames.DOCUMENTS,
            StoreNames.RAG_INDEXES, StoreNames.COUNTERS, StoreNames.API_KEYS, StoreNames.DOCUMENT_STRUCTURES,
            StoreNames.NODES, StoreNames.SEARCH_INDEXES, StoreNames.ANSWERABLE_DOCUMENTS);

    @Test
    void everyCollectionHasExactlyOneWriter() {
        for (String collection : COLLECTIONS) {
            assertThat(SERVICES.stream().filter(service -> StoreNames.mayWrite(service, collection)))
                    .as(collection).hasSize(1);
        }
    }

    @Test
    void noServiceTouchesTheGatewaysDocumentsOrWorkspacesNorDoesTheGatewayTouchTheNodes() {
        for (String service : List.of(StoreNames.INGEST, StoreNames.INDEXER, StoreNames.QUERY)) {
            assertThat(StoreNames.mayTouch(service, StoreNames.DOCUMENTS)).as(service).isFalse();
            assertThat(StoreNames.mayTouch(service, StoreNames.WORKSPACES)).as(service).isFalse();
        }
        assertThat(StoreNames.mayTouch(StoreNames.GATEWAY, StoreNames.NODES)).isFalse();
        assertThat(StoreNames.mayTouch(StoreNames.GATEWAY, StoreNames.ANSWERABLE_DOCUMENTS)).isFalse();
        assertThat(StoreNames.mayTouch(StoreNames.QUERY, StoreNames.ANSWERABLE_DOCUMENTS)).isTrue();
    }

    @Test
    void everyServiceTouchesOnlyTheCollectionsItWrites() {
        for (String service : SERVICES) {
            for (String collection : COLLECTIONS) {
                assertThat(StoreNames.mayTouch(service, collection)).as(service + " " + collection)
                        .isEqualTo(StoreNames.mayWrite(service, collection));
            }
        }
        assertThat(StoreNames.mayTouch(StoreNames.QUERY, StoreNames.NODES)).isFalse();
        assertThat(StoreNames.mayTouch(StoreNames.QUERY, StoreNames.SEARCH_INDEXES)).isFalse();
    }

    @Test
    void aServiceKeepsItsOwnLedgerOnly() {
        assertThat(StoreNames.mayWrite(StoreNames.QUERY, StoreNames.processedEvents(StoreNames.QUERY))).isTrue();
        assertThat(StoreNames.mayTouch(StoreNames.QUERY, StoreNames.processedEvents(StoreNames.INDEXER))).isFalse();
    }
}
