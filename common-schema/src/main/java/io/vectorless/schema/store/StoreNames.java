package io.vectorless.schema.store;

/** MongoDB collection names. Each collection has exactly one writing service. */
public final class StoreNames {
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

    private StoreNames() {
    }
}
