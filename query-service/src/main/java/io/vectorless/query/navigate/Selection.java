package io.vectorless.query.navigate;

import java.util.List;

/** Sections picked for a question, best first, with why. */
public record Selection(List<SectionRef> sections, String reasoning) {
    public Selection {
        sections = List.copyOf(sections);
    }

    public List<String> nodeIds() {
        return sections.stream().map(s -> s.node().nodeId()).distinct().toList();
    }
}
