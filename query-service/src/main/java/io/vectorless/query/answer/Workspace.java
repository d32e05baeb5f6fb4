package io.vectorless.query.answer;

import io.vectorless.query.navigate.DocumentCard;
import io.vectorless.query.navigate.IndexedDocument;
import io.vectorless.search.WorkspaceIndex;

import java.util.List;

/** A workspace's answerable documents with their indexes opened, and the workspace-wide index over them. */
record Workspace(List<IndexedDocument> documents, WorkspaceIndex index) {
    Workspace {
        documents = List.copyOf(documents);
    }

    List<DocumentCard> cards() {
        return documents.stream().map(IndexedDocument::card).toList();
    }
}
