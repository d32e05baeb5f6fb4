package io.vectorless.query.answer;

import io.vectorless.query.navigate.DocumentCard;
import io.vectorless.schema.tree.TreeNode;

import java.util.List;
import java.util.Optional;

/** Where the engine reads a workspace's answerable documents and their trees. */
public interface QuerySource {

    /** The workspace's documents that have an indexed version, oldest first. */
    List<DocumentCard> answerableDocuments(long workspaceId);

    /** The document's tree at the card's version; empty when its nodes are gone (deleted meanwhile). */
    Optional<TreeNode> tree(DocumentCard card);

    /** An image's bytes; empty when it cannot be read. */
    Optional<byte[]> image(String key);
}
