package io.vectorless.gateway.domain;

import java.util.Locale;

/** Status of a RAG index, as the batch API names them. */
public enum RagIndexStatus {
    CREATED, PROCESSING, FAILED, SUCCEEDED, RAG_LIMIT_EXCEEDED, DOCUMENT_TOO_SMALL, CANNOT_INDEX_FOLDER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RagIndexStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Statuses decided once and never recomputed from the document's progress. */
    public boolean sticky() {
        return this == RAG_LIMIT_EXCEEDED || this == CANNOT_INDEX_FOLDER;
    }

    /** Whether an index in this status counts against the workspace's byte cap. */
    public boolean countsAgainstLimit() {
        return this == CREATED || this == PROCESSING || this == SUCCEEDED;
    }
}
