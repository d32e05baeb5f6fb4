package io.vectorless.query.navigate;

import java.util.List;

/**
 * What routing sees of one answerable document: its title, root summary and its sections (title and summary of each).
 *
 * @param version the indexed version whose nodes answer questions
 */
public record DocumentCard(long docId, int version, String title, String rootSummary, List<String> sections) {
    public DocumentCard {
        title = title == null ? "" : title;
        rootSummary = rootSummary == null ? "" : rootSummary;
        sections = sections == null ? List.of() : List.copyOf(sections);
    }
}
