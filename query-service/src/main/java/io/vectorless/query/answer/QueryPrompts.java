package io.vectorless.query.answer;

import io.vectorless.query.navigate.DocumentCard;
import io.vectorless.query.navigate.SectionRef;
import io.vectorless.query.navigate.Turn;
import io.vectorless.core.llm.ChatMessage;
import io.vectorless.core.llm.PromptTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Assembles the routing, tree-search, answer and re-ask messages from the templates in {@code prompts/}. */
public final class QueryPrompts {
    static final String ROUTING_SHAPE = "{\"doc_ids\": [<document id>, ...], \"reasoning\": \"...\"}";
    static final String SEARCH_SHAPE = "{\"node_ids\": [\"<node_id>\", ...], \"reasoning\": \"...\"}";
    private static final int SUMMARY_CHARS = 400;
    private static final int TURN_CHARS = 600;
    private static final PromptTemplate ROUTING_SYSTEM = PromptTemplate.load("prompts/routing_system.txt");
    private static final PromptTemplate ROUTING_USER = PromptTemplate.load("prompts/routing_user.txt");
    private static final PromptTemplate TREE_SEARCH_SYSTEM = PromptTemplate.load("prompts/tree_search_system.txt");
    private static final PromptTemplate TREE_SEARCH_USER = PromptTemplate.load("prompts/tree_search_user.txt");
    private static final PromptTemplate ANSWER_SYSTEM = PromptTemplate.load("prompts/answer_system.txt");
    private static final PromptTemplate ANSWER_USER = PromptTemplate.load("prompts/answer_user.txt");
    private static final PromptTemplate REASK = PromptTemplate.load("prompts/reask.txt");

    private QueryPrompts() {
    }

    public static List<ChatMessage> routing(String question, List<Turn> history, List<DocumentCard> candidates,
                                            int maxDocs) {
        StringBuilder docs = new StringBuilder();
        for (DocumentCard card : candidates) {
            docs.append("- id ").append(card.docId()).append(": ").append(card.title());
            String summary = card.rootSummary().replaceAll("\\s+", " ").strip();
            if (!summary.isEmpty()) {
                docs.append(" — ").append(clip(summary, SUMMARY_CHARS));
            }
            docs.append('\n');
        }
        return List.of(
                ChatMessage.system(ROUTING_SYSTEM.render(Map.of("max_docs", Integer.toString(maxDocs)))),
                ChatMessage.user(ROUTING_USER.render(Map.of(
                        "history", history(history), "question", question, "documents", docs.toString().strip()))));
    }

    public static List<ChatMessage> treeSearch(String question, List<Turn> history, String docTitle, String outline,
                                               int maxNodes) {
        return List.of(
                ChatMessage.system(TREE_SEARCH_SYSTEM.render(
                        Map.of("max_nodes", Integer.toString(maxNodes)))),
                ChatMessage.user(TREE_SEARCH_USER.render(Map.of(
                        "history", history(history), "question", question, "doc_title", docTitle,
                        "outline", outline))));
    }

    public static List<ChatMessage> answer(String question, List<Turn> history, List<SectionRef> sections,
                                           String context, List<String> images) {
        StringBuilder chosen = new StringBuilder();
        for (SectionRef ref : sections) {
            chosen.append("- ").append(ref.citation()).append('\n');
        }
        String user = ANSWER_USER.render(Map.of("history", history(history),
                "sections", chosen.toString().strip(), "context", context, "question", question));
        return List.of(ChatMessage.system(ANSWER_SYSTEM.render(Map.of())),
                new ChatMessage("user", user, images));
    }

    /** The original messages, the unreadable reply, and one request to answer again in the right shape. */
    public static List<ChatMessage> reask(List<ChatMessage> original, String reply, List<String> validIds,
                                          String shape) {
        List<ChatMessage> out = new ArrayList<>(original);
        out.add(ChatMessage.assistant(reply == null ? "" : clip(reply, 2000)));
        out.add(ChatMessage.user(REASK.render(Map.of(
                "valid_ids", clip(String.join(", ", validIds), 4000), "shape", shape))));
        return out;
    }

    static String history(List<Turn> history) {
        if (history.isEmpty()) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        for (Turn turn : history) {
            out.append(turn.fromUser() ? "User: " : "Assistant: ")
                    .append(clip(turn.content().replaceAll("\\s+", " ").strip(), TURN_CHARS)).append('\n');
        }
        return out.toString().strip();
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
