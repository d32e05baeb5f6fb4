package io.vectorless.query.web;

import io.vectorless.query.answer.QueryAnswer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sources of an answer: as JSON for API clients, and as a short footer in the text for chat UIs. */
final class Citations {
    private Citations() {
    }

    static List<Map<String, Object>> view(List<QueryAnswer.Source> sources) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (QueryAnswer.Source s : sources) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("doc_id", s.docId());
            source.put("doc_title", s.docTitle());
            source.put("node_id", s.nodeId());
            source.put("title", s.title());
            source.put("pages", s.pages());
            out.add(source);
        }
        return out;
    }

    /** "\n\nSources: [1] Handbook, section 1.1 Backups, page 3; ..." or nothing when there are none. */
    static String footer(List<QueryAnswer.Source> sources) {
        if (sources.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n\nSources:");
        int i = 1;
        for (QueryAnswer.Source s : sources) {
            out.append(i == 1 ? " " : "; ").append('[').append(i++).append("] ").append(s.docTitle());
            if (!"root".equals(s.nodeId())) {
                out.append(", section ").append(s.nodeId()).append(' ').append(s.title());
            }
            if (!s.pages().isEmpty()) {
                out.append(s.pages().contains("-") ? ", pages " : ", page ").append(s.pages());
            }
        }
        return out.toString();
    }
}
