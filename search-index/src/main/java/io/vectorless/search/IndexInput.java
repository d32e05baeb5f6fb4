package io.vectorless.search;

import io.vectorless.schema.tree.TreeNode;

import java.util.List;

/**
 * Everything a version's search index is built from: the tree (with text) and the page texts.
 *
 * @param pages the document's text page by page; empty when the format has no pages worth anchoring to
 */
public record IndexInput(long documentId, int version, String docTitle, TreeNode root, List<PageText> pages) {
    public IndexInput {
        docTitle = docTitle == null ? "" : docTitle;
        pages = pages == null ? List.of() : List.copyOf(pages);
    }
}
