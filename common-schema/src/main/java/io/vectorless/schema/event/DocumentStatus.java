package io.vectorless.schema.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Pipeline stages, in order; {@code INDEXED} and {@code FAILED} are final. */
public enum DocumentStatus {
    QUEUED, PARSING, PARSED, INDEXING, SUMMARIZING, INDEXED, FAILED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DocumentStatus fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this == INDEXED || this == FAILED;
    }
}
