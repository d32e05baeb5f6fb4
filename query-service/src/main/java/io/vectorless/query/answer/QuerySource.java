package io.vectorless.query.answer;

import io.vectorless.query.navigate.DocumentCard;
import io.vectorless.search.DocumentSearchIndex;

import java.util.List;
import java.util.Optional;

/** Where the engine reads a workspace's answerable documents and their trees. */
public interface QuerySource {

    /** The workspace's documents that have an indexed version, oldest first. */
    List<DocumentCard> answerableDocuments(long workspaceId);

    /** The search index of the card's version, opened; empty when it is gone (deleted meanwhile). */
    Optional<DocumentSearchIndex> index(DocumentCard card);

    /** An image's bytes; empty when it cannot be read. */
    Optional<byte[]> image(String key);
}
