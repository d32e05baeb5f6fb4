package io.vectorless.schema.store;

import java.util.Map;
import java.util.Set;

/**
 * MongoDB collection names, and who may touch them. Each collection has exactly one writing service; another
 * service may read it only where {@link #mayTouch} says so (the published read models below), which the services'
 * integration tests check against the commands they actually send.
 */
public final class StoreNames {
    public static final String GATEWAY = "gateway-service";
    public static final String INGEST = "ingest-service";
    public static final String INDEXER = "indexer-service";
    public static final String QUERY = "query-service";

    /** gateway */
    public static final String WORKSPACES = "workspaces";
    /** gateway */
    public static final String DOCUMENTS = "documents";
    /** gateway */
    public static final String RAG_INDEXES = "rag_indexes";
    /** gateway */
    public static final String COUNTERS = "counters";
    /** indexer */
    public static final String NODES = "nodes";
    /** indexer: one record per indexed version, naming its search index object; read by query-service */
    public static final String SEARCH_INDEXES = "search_indexes";
    /** every consumer, for its own processed-event ledger, one per service: {@code processed_events_<service>} */
    public static final String PROCESSED_EVENTS_PREFIX = "processed_events_";

    /** The writing service of each shared collection (the gateway's private ones are not listed). */
    private static final Map<String, String> WRITER = Map.of(WORKSPACES, GATEWAY, DOCUMENTS, GATEWAY,
            RAG_INDEXES, GATEWAY, COUNTERS, GATEWAY, NODES, INDEXER, SEARCH_INDEXES, INDEXER);
    /**
     * Read models their writer publishes to other services: the tree's nodes (the gateway's tree endpoints and
     * query-service), the search-index records, and the answerable documents and workspaces query-service routes
     * over.
     */
    private static final Map<String, Set<String>> READERS = Map.of(NODES, Set.of(GATEWAY, QUERY),
            SEARCH_INDEXES, Set.of(QUERY), DOCUMENTS, Set.of(QUERY), WORKSPACES, Set.of(QUERY));

    private StoreNames() {
    }

    /** The processed-event ledger of {@code service}. */
    public static String processedEvents(String service) {
        return PROCESSED_EVENTS_PREFIX + service.replace('-', '_');
    }

    /** Whether {@code service} may write {@code collection}: only its writer may. */
    public static boolean mayWrite(String service, String collection) {
        return service.equals(WRITER.get(collection)) || collection.equals(processedEvents(service));
    }

    /** Whether {@code service} may read or write {@code collection}: its own, or a read model published to it. */
    public static boolean mayTouch(String service, String collection) {
        return mayWrite(service, collection) || READERS.getOrDefault(collection, Set.of()).contains(service);
    }
}
