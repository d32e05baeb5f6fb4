package io.vectorless.query.navigate;

import java.util.List;

/**
 * What routing sees of one answerable document: its title, root summary and section titles.
 *
 * @param version the indexed version whose nodes answer questions
 */
public record DocumentCard(long docId, int version, String title, String rootSummary, List<String> nodeTitles) {
    public DocumentCard {
        title = title == null ? "" : title;
        rootSummary = rootSummary == null ? "" : rootSummary;
        nodeTitles = nodeTitles == null ? List.of() : List.copyOf(nodeTitles);
    }
}
