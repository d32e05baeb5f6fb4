package io.vectorless.query.answer;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.query.navigate.DocumentCard;
import io.vectorless.query.navigate.IndexedDocument;
import io.vectorless.core.llm.LenientJson;
import io.vectorless.query.navigate.LexicalNavigator;
import io.vectorless.query.navigate.Routing;
import io.vectorless.query.navigate.SectionRef;
import io.vectorless.query.navigate.Selection;
import io.vectorless.query.navigate.TreeOutline;
import io.vectorless.query.navigate.Turn;
import io.vectorless.schema.tree.TreeNode;
import io.vectorless.core.llm.ChatMessage;
import io.vectorless.core.llm.ChatRequest;
import io.vectorless.core.llm.LlmClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The LLM's two navigation steps: routing across documents and tree search within one. Replies are parsed
 * defensively; ids the model invented are dropped; an unreadable or empty reply gets exactly one re-ask, then the
 * lexical navigator decides. LLM failures propagate so the caller can fall back as a whole.
 */
final class LlmNavigator {
    private final LlmClient llm;
    private final LexicalNavigator lexical;
    private final TreeOutline outline;
    private final int maxDocs;
    private final int maxNodes;
    private final int routingCandidates;

    LlmNavigator(LlmClient llm, LexicalNavigator lexical, TreeOutline outline, int maxDocs, int maxNodes,
                 int routingCandidates) {
        this.llm = llm;
        this.lexical = lexical;
        this.outline = outline;
        this.maxDocs = maxDocs;
        this.maxNodes = maxNodes;
        this.routingCandidates = routingCandidates;
    }

    Routing route(Workspace workspace, String question, String searchText, List<Turn> history, CallLog log) {
        List<DocumentCard> candidates = preRank(workspace, searchText);
        Map<String, DocumentCard> byId = new LinkedHashMap<>();
        candidates.forEach(c -> byId.put(Long.toString(c.docId()), c));
        List<ChatMessage> messages = QueryPrompts.routing(question, history, candidates, maxDocs);
        Optional<Parsed> parsed = ask("routing", messages, new ArrayList<>(byId.keySet()), QueryPrompts.ROUTING_SHAPE,
                reply -> LenientJson.strings(reply, "doc_ids", "documents", "ids", "doc_id"), log);
        if (parsed.isEmpty()) {
            Routing fallback = lexical.route(workspace.index(), workspace.documents(), searchText);
            return new Routing(fallback.documents(), "The model named no valid document; " + fallback.reasoning());
        }
        List<DocumentCard> chosen = parsed.get().ids().stream().map(byId::get).limit(maxDocs).toList();
        return new Routing(chosen, parsed.get().reasoning());
    }

    /** For large workspaces only the best BM25 candidates reach the prompt, so it stays bounded. */
    List<DocumentCard> preRank(Workspace workspace, String searchText) {
        List<DocumentCard> cards = workspace.cards();
        if (cards.size() <= routingCandidates) {
            return cards;
        }
        Set<DocumentCard> out = new LinkedHashSet<>();
        for (LexicalNavigator.RankedDocument ranked : lexical.rankDocuments(workspace.index(), workspace.documents(),
                searchText)) {
            if (out.size() >= routingCandidates) {
                break;
            }
            out.add(ranked.document().card());
        }
        for (DocumentCard card : cards) {
            if (out.size() >= routingCandidates) {
                break;
            }
            out.add(card);
        }
        return new ArrayList<>(out);
    }

    Selection search(IndexedDocument doc, String question, String searchText, List<Turn> history, CallLog log) {
        TreeNode tree = doc.index().outline();
        Map<String, TreeNode> nodes = new LinkedHashMap<>();
        tree.flatten().forEach(n -> nodes.put(n.nodeId(), n));
        Selection lexicalBest = lexical.select(List.of(doc), searchText);
        String toc = outline.render(tree, lexicalBest.nodeIds());
        List<ChatMessage> messages = QueryPrompts.treeSearch(question, history, doc.card().title(), toc, maxNodes);
        Optional<Parsed> parsed = ask("tree_search", messages, new ArrayList<>(nodes.keySet()),
                QueryPrompts.SEARCH_SHAPE, reply -> LenientJson.strings(reply, "node_ids", "nodes", "ids", "node_id"),
                log);
        if (parsed.isEmpty()) {
            return new Selection(lexicalBest.sections(), "The model named no valid section of \""
                    + doc.card().title() + "\"; " + lexicalBest.reasoning());
        }
        List<SectionRef> sections = parsed.get().ids().stream().limit(maxNodes)
                .map(id -> new SectionRef(doc.card().docId(), doc.card().title(),
                        doc.index().subtree(id).orElseThrow())).toList();
        return new Selection(sections, parsed.get().reasoning());
    }

    private record Parsed(List<String> ids, String reasoning) {
    }

    private Optional<Parsed> ask(String purpose, List<ChatMessage> messages, List<String> validIds, String shape,
                                 Function<JsonNode, List<String>> idsOf, CallLog log) {
        String reply = call(purpose, messages, log);
        Optional<Parsed> parsed = parse(reply, validIds, idsOf);
        if (parsed.isPresent()) {
            return parsed;
        }
        String again = call(purpose, QueryPrompts.reask(messages, reply, validIds, shape), log);
        return parse(again, validIds, idsOf);
    }

    private String call(String purpose, List<ChatMessage> messages, CallLog log) {
        log.attempt();
        return log.record(llm.chat(ChatRequest.of(purpose, messages).withJsonOutput().withTemperature(0.0))).content();
    }

    private static Optional<Parsed> parse(String reply, List<String> validIds, Function<JsonNode, List<String>> idsOf) {
        Optional<JsonNode> json = LenientJson.object(reply);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        Set<String> valid = Set.copyOf(validIds);
        List<String> ids = idsOf.apply(json.get()).stream().filter(valid::contains).distinct().toList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(ids, LenientJson.text(json.get(), "reasoning")));
    }
}
