package io.vectorless.query.navigate;

import io.vectorless.schema.tree.TreeNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The deterministic navigator used when no LLM answers: BM25 over documents (routing) and over sections (titles
 * boosted, then summaries, then text). Picks the hits that stand clearly above the rest.
 */
public final class LexicalNavigator {
    static final double TITLE_WEIGHT = 3.0;
    static final double SUMMARY_WEIGHT = 1.5;
    static final double TEXT_WEIGHT = 1.0;
    private static final double LEADER_RATIO = 0.6;

    private final int maxSections;
    private final int maxDocuments;

    public LexicalNavigator(int maxSections, int maxDocuments) {
        this.maxSections = Math.max(1, maxSections);
        this.maxDocuments = Math.max(1, maxDocuments);
    }

    /** Documents ranked by BM25 over title, root summary and section titles with their summaries. */
    public List<Bm25.Hit> rankDocuments(List<DocumentCard> cards, String question) {
        List<Bm25.Item> items = cards.stream().map(c -> new Bm25.Item(Long.toString(c.docId()), List.of(
                new Bm25.Field("title", c.title(), TITLE_WEIGHT),
                new Bm25.Field("summary", c.rootSummary(), SUMMARY_WEIGHT),
                new Bm25.Field("sections", String.join(" \n ", c.sections()), TEXT_WEIGHT)))).toList();
        return new Bm25(items).search(Tokenizer.tokens(question));
    }

    public Routing route(List<DocumentCard> cards, String question) {
        if (cards.size() <= 1) {
            return new Routing(cards, cards.isEmpty() ? "No document is indexed." : "The workspace has one document.");
        }
        Map<String, DocumentCard> byId = cards.stream()
                .collect(Collectors.toMap(c -> Long.toString(c.docId()), c -> c, (a, b) -> a));
        List<Bm25.Hit> leaders = Bm25.leaders(rankDocuments(cards, question), maxDocuments, LEADER_RATIO);
        if (leaders.isEmpty()) {
            List<DocumentCard> first = cards.subList(0, Math.min(maxDocuments, cards.size()));
            return new Routing(first, "No document title or summary shares a term with the question; searching "
                    + first.size() + " document(s) in upload order.");
        }
        List<DocumentCard> chosen = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (Bm25.Hit hit : leaders) {
            DocumentCard card = byId.get(hit.key());
            chosen.add(card);
            why.add("\"" + card.title() + "\" (" + describe(hit.matches()) + ")");
        }
        return new Routing(chosen, "Routed by term overlap to " + String.join("; ", why) + ".");
    }

    /** The best sections across the given documents, or an empty selection when no section shares a term. */
    public Selection select(List<IndexedDocument> documents, String question) {
        Map<String, SectionRef> byKey = new HashMap<>();
        List<Bm25.Item> items = new ArrayList<>();
        for (IndexedDocument doc : documents) {
            for (TreeNode node : doc.root().flatten()) {
                String key = doc.card().docId() + "/" + node.nodeId();
                byKey.put(key, new SectionRef(doc.card().docId(), doc.card().title(), node));
                items.add(new Bm25.Item(key, List.of(
                        new Bm25.Field("title", node.title(), TITLE_WEIGHT),
                        new Bm25.Field("summary", node.summary(), SUMMARY_WEIGHT),
                        new Bm25.Field("text", node.text(), TEXT_WEIGHT))));
            }
        }
        List<Bm25.Hit> leaders = Bm25.leaders(new Bm25(items).search(Tokenizer.tokens(question)), maxSections,
                LEADER_RATIO);
        if (leaders.isEmpty()) {
            return new Selection(List.of(), "No section title, summary or text shares a term with the question.");
        }
        List<SectionRef> chosen = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (Bm25.Hit hit : leaders) {
            SectionRef ref = byKey.get(hit.key());
            chosen.add(ref);
            why.add("Section " + ref.node().nodeId() + " \"" + ref.node().title() + "\""
                    + (documents.size() > 1 ? " of \"" + ref.docTitle() + "\"" : "")
                    + " matches " + describe(hit.matches())
                    + String.format(java.util.Locale.ROOT, " (BM25 %.2f)", hit.score()));
        }
        return new Selection(chosen, "Lexical search (BM25): " + String.join("; ", why) + ".");
    }

    private static String describe(Map<String, List<String>> matches) {
        return matches.entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }
}
