package io.vectorless.indexer.summary;

import io.vectorless.core.llm.ChatMessage;
import io.vectorless.core.llm.PromptTemplate;

import java.util.List;
import java.util.Map;

/** Assembles the summary prompts from their resource files. */
public final class SummaryPrompts {
    private final PromptTemplate nodes = PromptTemplate.load("prompts/summarize-nodes.txt");
    private final PromptTemplate root = PromptTemplate.load("prompts/summarize-root.txt");

    /** One section to summarize: its own text excerpt and, for a parent, its children's summaries. */
    public record Section(String nodeId, String title, String pages, String text, List<String> childLines) {
        public Section {
            childLines = List.copyOf(childLines);
        }

        String render() {
            StringBuilder out = new StringBuilder(text.length() + 200);
            out.append("### [").append(nodeId).append("] ").append(title);
            if (!pages.isEmpty()) {
                out.append(pages.contains("-") ? " (pages " : " (page ").append(pages).append(')');
            }
            out.append('\n');
            if (!childLines.isEmpty()) {
                out.append("Subsections:\n");
                childLines.forEach(line -> out.append("- ").append(line).append('\n'));
            }
            if (!text.isBlank()) {
                out.append("Text:\n").append(text).append('\n');
            }
            return out.toString();
        }
    }

    public List<ChatMessage> nodes(String documentTitle, List<Section> sections) {
        StringBuilder rendered = new StringBuilder();
        StringBuilder ids = new StringBuilder();
        for (Section section : sections) {
            rendered.append(section.render()).append('\n');
            ids.append(ids.length() == 0 ? "" : ", ").append('"').append(section.nodeId()).append('"');
        }
        return nodes.messages(Map.of("document_title", documentTitle, "sections", rendered.toString().strip(),
                "ids", ids.toString()));
    }

    public List<ChatMessage> root(String documentTitle, int pageCount, List<String> sectionLines, String opening) {
        StringBuilder sections = new StringBuilder();
        sectionLines.forEach(line -> sections.append("- ").append(line).append('\n'));
        return root.messages(Map.of("document_title", documentTitle, "page_count", Integer.toString(pageCount),
                "sections", sections.length() == 0 ? "(none)" : sections.toString().strip(),
                "opening", opening.isBlank() ? "(none)" : opening));
    }

    /** Rough size of a section in the prompt, for packing batches. */
    static int tokens(Section section) {
        int chars = section.text().length() + section.title().length() + 40;
        for (String line : section.childLines()) {
            chars += line.length() + 3;
        }
        return chars / 4 + 1;
    }
}
