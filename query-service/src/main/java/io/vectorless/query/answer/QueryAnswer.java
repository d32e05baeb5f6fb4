package io.vectorless.query.answer;

import java.util.List;

/**
 * An answer with everything the rich chat endpoint shows.
 *
 * @param llmCalls     chat-completion calls made for this question (0 on the lexical path)
 * @param promptTokens tokens sent (as reported by the LLM; estimated at 4 characters per token without one)
 */
public record QueryAnswer(String answer, List<String> nodeIds, String reasoning, String context,
                          List<Image> images, List<RoutedDoc> routedDocs, String routingReasoning,
                          Mode mode, int llmCalls, int promptTokens, int completionTokens) {

    public enum Mode { LLM, LEXICAL, LEXICAL_FALLBACK, NOTHING_INDEXED }

    public record Image(String data, String mediaType, String caption, long docId, String nodeId) {
    }

    public record RoutedDoc(long docId, String docTitle) {
    }

    public QueryAnswer {
        nodeIds = List.copyOf(nodeIds);
        images = List.copyOf(images);
        routedDocs = List.copyOf(routedDocs);
    }
}
