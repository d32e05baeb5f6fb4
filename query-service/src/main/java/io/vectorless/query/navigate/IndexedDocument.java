package io.vectorless.query.navigate;

import io.vectorless.search.DocumentSearchIndex;

/** A document with its version's search index opened. */
public record IndexedDocument(DocumentCard card, DocumentSearchIndex index) {
}
