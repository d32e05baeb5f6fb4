package io.vectorless.schema.store;

import java.util.Map;

/**
 * MongoDB collection names, and who may touch them. Each collection has exactly one service that writes and reads
 * it; another service learns its contents from that service's events, asks it over HTTP, or opens the per-version
 * objects it announces (query-service opens each version's search index from object storage). There is no
 * exception. The services' integration tests check the commands they actually send against {@link #mayTouch}.
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
    /** gateway */
    public static final String API_KEYS = "api_keys";
    /** gateway: each document's structure report, kept for the version that answers */
    public static final String DOCUMENT_STRUCTURES = "document_structures";
    /**
     * query-service: its own read model of the answerable documents (live version, title, file name, root summary),
     * fed by {@code document.status} and {@code document.deleted}
     */
    public static final String ANSWERABLE_DOCUMENTS = "answerable_documents";
    /** indexer */
    public static final String NODES = "nodes";
    /** indexer: one record per indexed version, naming its search index object (its own bookkeeping for removal) */
    public static final String SEARCH_INDEXES = "search_indexes";
    /** every consumer, for its own processed-event ledger, one per service: {@code processed_events_<service>} */
    public static final String PROCESSED_EVENTS_PREFIX = "processed_events_";

    /** The owning (only writing) service of each collection. */
    private static final Map<String, String> WRITER = Map.of(WORKSPACES, GATEWAY, DOCUMENTS, GATEWAY,
            RAG_INDEXES, GATEWAY, COUNTERS, GATEWAY, API_KEYS, GATEWAY, DOCUMENT_STRUCTURES, GATEWAY,
            NODES, INDEXER, SEARCH_INDEXES, INDEXER, ANSWERABLE_DOCUMENTS, QUERY);
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

    /**
     * Whether {@code service} may read or write {@code collection}: only its own. What another service needs travels
     * in events (into its own read model) or as objects the owner announces in them.
     */
    public static boolean mayTouch(String service, String collection) {
        return mayWrite(service, collection);
    }
}
