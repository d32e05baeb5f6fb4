package io.vectorless.schema.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * Every event about a document. Kafka key is {@link #documentId()}, so one document's events stay ordered on one
 * partition; the event type travels in the JSON {@code type} property and in the {@code event-type} header.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(DocumentUploaded.class),
        @JsonSubTypes.Type(DocumentParsed.class),
        @JsonSubTypes.Type(DocumentStatusChanged.class),
        @JsonSubTypes.Type(DocumentDeleted.class),
        @JsonSubTypes.Type(DocumentEdited.class)
})
public sealed interface DocumentEvent
        permits DocumentUploaded, DocumentParsed, DocumentStatusChanged, DocumentDeleted, DocumentEdited {

    /** The schema version this code writes. Readers accept this one and older. */
    int SCHEMA_VERSION = 1;

    String eventId();

    Instant occurredAt();

    int schemaVersion();

    long documentId();

    /** The document version (1 on upload, +1 on every replace) the event is about. */
    int version();

    long workspaceId();

    default String key() {
        return Long.toString(documentId());
    }
}
