package io.vectorless.search;

import io.vectorless.schema.tree.Pages;

import java.util.List;

/** What the index keeps in memory about one node: enough to walk the tree without reading any text. */
public record SectionInfo(String nodeId, String parentId, int level, int startPage, int endPage, int ordinal,
                          String title, String summary, List<String> childIds, List<String> imageKeys, int docNumber) {

    public SectionInfo {
        childIds = childIds == null ? List.of() : List.copyOf(childIds);
        imageKeys = imageKeys == null ? List.of() : List.copyOf(imageKeys);
    }

    /** Pages covered, at least 1. */
    public int span() {
        return startPage <= 0 ? 1 : Math.max(startPage, endPage) - startPage + 1;
    }

    public String pages() {
        return Pages.range(startPage, endPage);
    }

    SectionInfo withChildren(List<String> children) {
        return new SectionInfo(nodeId, parentId, level, startPage, endPage, ordinal, title, summary, children,
                imageKeys, docNumber);
    }
}
