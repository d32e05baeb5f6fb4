package io.vectorless.schema.parsed;

public enum BlockKind {
    HEADING, TEXT
}
