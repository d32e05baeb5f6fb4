package io.vectorless.query.answer;

import java.util.List;

/**
 * An answer with everything the rich chat endpoint shows.
 *
 * @param llmCalls     chat-completion calls made for this question (0 on the lexical path)
 * @param promptTokens tokens sent (as reported by the LLM; estimated at 4 characters per token without one)
 * @param sources      the sections and pages behind the answer, best first, each with its document
 */
public record QueryAnswer(String answer, List<String> nodeIds, String reasoning, String context,
                          List<Image> images, List<RoutedDoc> routedDocs, String routingReasoning,
                          Mode mode, int llmCalls, int promptTokens, int completionTokens, List<Source> sources) {

    public enum Mode { LLM, LEXICAL, LEXICAL_FALLBACK, NOTHING_INDEXED }

    public record Image(String data, String mediaType, String caption, long docId, String nodeId) {
    }

    public record RoutedDoc(long docId, String docTitle) {
    }

    /**
     * A place the answer rests on: node ids repeat across documents, so each source names its document.
     *
     * @param pages the pages the answer's context was taken from ("12" or "12-13"): the node's own range, or one
     *              page of it when the node is long
     */
    public record Source(long docId, String docTitle, String nodeId, String title, String pages) {
    }

    public QueryAnswer {
        nodeIds = List.copyOf(nodeIds);
        images = List.copyOf(images);
        routedDocs = List.copyOf(routedDocs);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** The same answer with another text (a cut-off or shortened answer keeps its sources). */
    public QueryAnswer withAnswer(String text) {
        return new QueryAnswer(text, nodeIds, reasoning, context, images, routedDocs, routingReasoning, mode,
                llmCalls, promptTokens, completionTokens, sources);
    }
}
