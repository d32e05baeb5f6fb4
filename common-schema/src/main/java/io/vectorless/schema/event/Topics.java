package io.vectorless.schema.event;

/**
 * Default topic names. Services read the names from properties ({@code vectorless.kafka.topics.*}) with these as
 * defaults; a dead-letter topic is the topic name plus {@link #DEAD_LETTER_SUFFIX}.
 */
public final class Topics {
    public static final String DOCUMENT_UPLOADED = "document.uploaded";
    public static final String DOCUMENT_PARSED = "document.parsed";
    public static final String DOCUMENT_STATUS = "document.status";
    public static final String DOCUMENT_DELETED = "document.deleted";
    /** A user's edits of a document's title or file name ({@link DocumentEdited}). */
    public static final String DOCUMENT_EDITED = "document.edited";
    public static final String DEAD_LETTER_SUFFIX = "-dlt";
    /** Kafka header holding the event's simple type name. */
    public static final String EVENT_TYPE_HEADER = "event-type";

    private Topics() {
    }
}
