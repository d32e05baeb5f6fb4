package io.vectorless.query.navigate;

import io.vectorless.schema.tree.TreeNode;
import io.vectorless.search.DocumentFacts;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.search.Queries;
import io.vectorless.search.QuestionFacts;
import io.vectorless.search.SectionInfo;
import io.vectorless.search.WorkspaceIndex;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.ScoreDoc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The deterministic navigator (no LLM, or the LLM is down): routes a question across a workspace with the
 * workspace's card and passage index, then finds a few tight sections or pages in each routed document
 * ({@link TreeSearch}) and keeps the best within a page budget.
 */
public final class LexicalNavigator {
    private static final double LEADER_RATIO = 0.6;
    /**
     * The passages holding the question's words are the sharpest evidence of the document meant; overview, section
     * titles and frequent terms say what a document is about, less sharply; the title and cover's words (a paper's
     * abstract, a filing's boilerplate) less still, now that the names, period and form they state are matched as
     * fields.
     */
    private static final double PASSAGES_WEIGHT = 1.5;
    private static final double CARD_WEIGHT = 0.5;
    private static final double IDENTITY_WEIGHT = 0.5;
    /**
     * A registrant's name or trading symbol on a cover names one issuer's documents; the period and the form the
     * question names (fiscal year, quarter, 10-K or 10-Q) then pick among them. Both are matched as fields, so the
     * date and form words every cover carries do not count as evidence for all of them alike.
     */
    private static final double NAMES_WEIGHT = 1.0;
    private static final double PERIOD_WEIGHT = 0.6;
    private static final double FORM_WEIGHT = 0.3;
    /** Inside the routed documents, how much a passage of the period and form asked about is preferred. */
    private static final double PERIOD_PRIOR = 0.5;
    private static final double FORM_PRIOR = 0.2;
    /** How much less a place in the next routed document counts than an equal one in the document before it. */
    private static final double RANK_DECAY = 0.3;
    /** Units scoring under this share of the best one are noise, not evidence. */
    private static final double UNIT_RATIO = 0.25;

    private final int maxSections;
    private final int maxDocuments;
    private final int pageBudget;

    public LexicalNavigator(int maxSections, int maxDocuments, int pageBudget) {
        this.maxSections = Math.max(1, maxSections);
        this.maxDocuments = Math.max(1, maxDocuments);
        this.pageBudget = Math.max(1, pageBudget);
    }

    /** A document's routing score: its card and its best passages, each relative to the workspace's best. */
    public record RankedDocument(IndexedDocument document, double score, String why) {
    }

    /** Documents with any evidence, best first. */
    public List<RankedDocument> rankDocuments(WorkspaceIndex workspace, List<IndexedDocument> documents,
                                              String question) {
        return rank(workspace.score(question), documents);
    }

    private List<RankedDocument> rank(List<WorkspaceIndex.DocumentScore> scores, List<IndexedDocument> documents) {
        Map<Long, IndexedDocument> byId = new HashMap<>();
        documents.forEach(d -> byId.put(d.index().documentId(), d));
        double maxIdentity = max(scores, WorkspaceIndex.DocumentScore::identity);
        double maxNames = max(scores, WorkspaceIndex.DocumentScore::names);
        double maxCard = max(scores, WorkspaceIndex.DocumentScore::card);
        double maxPassages = max(scores, WorkspaceIndex.DocumentScore::passages);
        List<RankedDocument> out = new ArrayList<>();
        for (WorkspaceIndex.DocumentScore s : scores) {
            IndexedDocument doc = byId.get(s.document().documentId());
            if (doc == null) {
                continue;
            }
            double identity = maxIdentity > 0 ? s.identity() / maxIdentity : 0;
            double names = maxNames > 0 ? s.names() / maxNames : 0;
            double card = maxCard > 0 ? s.card() / maxCard : 0;
            double passages = maxPassages > 0 ? s.passages() / maxPassages : 0;
            double score = IDENTITY_WEIGHT * identity + NAMES_WEIGHT * names + PERIOD_WEIGHT * s.period() + FORM_WEIGHT * s.form()
                    + CARD_WEIGHT * card + PASSAGES_WEIGHT * passages;
            out.add(new RankedDocument(doc, score, String.format(Locale.ROOT, "title and cover %.2f, named %.2f, "
                    + "period %.2f, form %.0f, overview and sections %.2f, best passages %.2f", identity, names,
                    s.period(), s.form(), card, passages)));
        }
        out.sort(Comparator.comparingDouble(RankedDocument::score).reversed());
        return out;
    }

    private static double max(List<WorkspaceIndex.DocumentScore> scores,
                              java.util.function.ToDoubleFunction<WorkspaceIndex.DocumentScore> part) {
        return scores.stream().mapToDouble(part).max().orElse(0);
    }

    public Routing route(WorkspaceIndex workspace, List<IndexedDocument> documents, String question) {
        List<DocumentCard> cards = documents.stream().map(IndexedDocument::card).toList();
        if (documents.size() <= 1) {
            return new Routing(cards, cards.isEmpty() ? "No document is indexed." : "The workspace has one document.");
        }
        return route(rankDocuments(workspace, documents, question), documents);
    }

    private Routing route(List<RankedDocument> ranked, List<IndexedDocument> documents) {
        List<DocumentCard> cards = documents.stream().map(IndexedDocument::card).toList();
        if (ranked.isEmpty()) {
            List<DocumentCard> first = cards.subList(0, Math.min(maxDocuments, cards.size()));
            return new Routing(first, "No document title, overview or passage shares a term with the question; "
                    + "searching " + first.size() + " document(s) in upload order.");
        }
        List<DocumentCard> chosen = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (RankedDocument doc : ranked) {
            if (chosen.size() >= maxDocuments || doc.score() < ranked.get(0).score() * LEADER_RATIO) {
                break;
            }
            chosen.add(doc.document().card());
            why.add("\"" + doc.document().card().title() + "\" (" + doc.why() + ")");
        }
        return new Routing(chosen, "Routed by the workspace's search index to " + String.join("; ", why) + ".");
    }

    /**
     * The best few sections or pages across the documents (in routing order, best first) within the page budget;
     * empty when nothing matches.
     */
    public Selection select(List<IndexedDocument> documents, String question) {
        List<TreeSearch.Unit> units = new ArrayList<>();
        QuestionFacts asked = QuestionFacts.of(question);
        int rank = 0;
        for (IndexedDocument doc : documents) {
            List<TreeSearch.Unit> found = TreeSearch.units(doc, question);
            if (documents.size() <= 1 || found.isEmpty()) {
                units.addAll(found);
                continue;
            }
            double facts = asked.namesPeriodOrForm() ? prior(doc, asked) : 1;
            // each document's scores are relative to its own best place (BM25 from separate indexes does not
            // compare across documents), and the routing order, best first, breaks the ties that leaves
            double scale = facts / (found.get(0).score() * (1 + RANK_DECAY * rank++));
            String why = facts == 1 ? "relative to the document's best place"
                    : String.format(Locale.ROOT, "relative to the document's best place, x%.2f for the period and "
                    + "form asked", facts);
            found.forEach(unit -> units.add(unit.times(scale, why)));
        }
        return choose(units, documents.size() > 1, question);
    }

    /** A routing and the places chosen for a question over a workspace. */
    public record Navigation(Routing routing, Selection selection) {
    }

    /**
     * Routes the question and chooses its places. A question naming an issuer, a period or a form means the routed
     * documents (see {@link #select}). Any other question is answered by the pages that match it best across the
     * whole workspace: one Lucene search of every document's page texts together, so a term's weight is the
     * workspace's and scores compare across documents (what a flat page index does best on questions quoting a
     * passage's words); each page is still placed in its section as in one document. A document a chosen page comes
     * from is among the routed documents.
     */
    public Navigation navigate(WorkspaceIndex workspace, List<IndexedDocument> documents, String question) {
        if (documents.size() <= 1) {
            Routing routing = route(workspace, documents, question);
            return new Navigation(routing, select(documents, question));
        }
        WorkspaceIndex.Search search = workspace.search(question);
        List<RankedDocument> ranked = rank(search.documents(), documents);
        Routing routing = route(ranked, documents);
        boolean named = QuestionFacts.of(question).namesPeriodOrForm()
                || search.documents().stream().anyMatch(s -> s.names() > 0);
        if (ranked.isEmpty() || named) {
            // one company's filings share most of their text: routing knows the one meant, and each routed
            // document is searched on its own, the words naming it weighing little there
            List<IndexedDocument> routed = routing.documents().stream().map(c -> documents.stream()
                    .filter(d -> d.card().docId() == c.docId()).findFirst().orElseThrow()).toList();
            return new Navigation(routing, select(routed, question));
        }
        Map<Integer, List<ScoreDoc>> hits = new LinkedHashMap<>();
        // per document: on a page several sections share, the best-matching of those sections
        Map<Integer, Map<Integer, SectionInfo>> onSharedPage = new HashMap<>();
        Map<Integer, Set<Integer>> shared = new HashMap<>();
        for (WorkspaceIndex.PassageHit hit : workspace.passages(Queries.passages(question, workspace.analyzers()))) {
            DocumentSearchIndex owner = workspace.documents().get(hit.document());
            // a section's own text spans pages that are indexed too: the pages are the finer evidence
            if (!owner.hasPages() || owner.pageOf(hit.doc()) > 0) {
                hits.computeIfAbsent(hit.document(), k -> new ArrayList<>()).add(new ScoreDoc(hit.doc(), hit.score()));
                continue;
            }
            Set<Integer> sharedPages = shared.computeIfAbsent(hit.document(), k -> sharedPages(owner));
            owner.bySearchDoc(hit.doc()).filter(section -> section.parentId() != null
                            && section.startPage() == section.endPage() && sharedPages.contains(section.startPage()))
                    .ifPresent(section -> onSharedPage.computeIfAbsent(hit.document(), k -> new HashMap<>())
                            .putIfAbsent(section.startPage(), section)); // hits come best first
        }
        Map<Long, IndexedDocument> byId = new HashMap<>();
        documents.forEach(d -> byId.put(d.index().documentId(), d));
        List<TreeSearch.Unit> units = new ArrayList<>();
        for (Map.Entry<Integer, List<ScoreDoc>> e : hits.entrySet()) {
            IndexedDocument doc = byId.get(workspace.documents().get(e.getKey()).documentId());
            if (doc != null) {
                Map<Integer, SectionInfo> sections = onSharedPage.getOrDefault(e.getKey(), Map.of());
                Set<String> keys = new HashSet<>();
                for (TreeSearch.Unit unit : TreeSearch.units(doc, e.getValue())) {
                    TreeSearch.Unit placed = onItsSection(unit, sections).times(1, "searched with the whole workspace");
                    if (keys.add(placed.key())) {
                        units.add(placed);
                    }
                }
            }
        }
        Selection selection = choose(units, true, question);
        List<DocumentCard> routed = new ArrayList<>(routing.documents());
        List<String> added = new ArrayList<>();
        for (SectionRef ref : selection.sections()) {
            if (routed.stream().noneMatch(c -> c.docId() == ref.docId())) {
                IndexedDocument doc = byId.get(ref.docId());
                routed.add(doc.card());
                added.add("\"" + doc.card().title() + "\"");
            }
        }
        Routing withPlaces = added.isEmpty() ? routing : new Routing(routed, routing.reasoning()
                + " Also " + String.join(", ", added) + ", where a best-matching passage is.");
        return new Navigation(withPlaces, selection);
    }

    /**
     * A page several sections share stands for just one of them (its owner); the page's hit is placed on the one of
     * those sections whose own text matched best, keeping the page's score.
     */
    private static TreeSearch.Unit onItsSection(TreeSearch.Unit unit, Map<Integer, SectionInfo> sections) {
        int page = unit.page() > 0 ? unit.page() : unit.section().startPage();
        SectionInfo best = sections.get(page);
        if (best == null || best.nodeId().equals(unit.section().nodeId())
                || unit.page() == 0 && unit.section().startPage() != unit.section().endPage()) {
            return unit;
        }
        return new TreeSearch.Unit(unit.doc(), best, 0, unit.score(),
                unit.why() + "; the section on page " + page + " that holds the passage");
    }

    /** The pages that two or more sections lie on whole. */
    private static Set<Integer> sharedPages(DocumentSearchIndex index) {
        Map<Integer, Integer> onPage = new HashMap<>();
        for (SectionInfo section : index.sections()) {
            if (section.parentId() != null && section.startPage() > 0 && section.startPage() == section.endPage()) {
                onPage.merge(section.startPage(), 1, Integer::sum);
            }
        }
        Set<Integer> out = new HashSet<>();
        onPage.forEach((page, count) -> {
            if (count >= 2) {
                out.add(page);
            }
        });
        return out;
    }

    private Selection choose(List<TreeSearch.Unit> units, boolean several, String question) {
        units.sort(Comparator.comparingDouble(TreeSearch.Unit::score).reversed());
        if (units.isEmpty()) {
            return new Selection(List.of(), "No section title, summary, text or page shares a term with the question.");
        }
        double best = units.get(0).score();
        Map<Long, Set<Integer>> covered = new HashMap<>();
        Map<String, int[]> chosen = new LinkedHashMap<>();
        Map<String, TreeSearch.Unit> chosenUnits = new LinkedHashMap<>();
        int used = 0;
        for (TreeSearch.Unit unit : units) {
            if (chosen.size() >= maxSections || unit.score() < best * UNIT_RATIO) {
                break;
            }
            Set<Integer> pages = covered.computeIfAbsent(unit.doc().card().docId(), k -> new HashSet<>());
            int added = newPages(unit, pages);
            if (used + added > pageBudget || (unit.page() > 0 && added == 0)) {
                continue;
            }
            used += added;
            for (int p = unit.firstPage(); p <= unit.lastPage() && p > 0; p++) {
                pages.add(p);
            }
            // a page next to one already chosen from the same section widens that range instead of adding a source
            String owner = unit.doc().card().docId() + "/" + unit.section().nodeId();
            int[] range = unit.page() > 0 ? chosen.get(owner + "#pages") : null;
            if (range != null && (unit.page() == range[1] + 1 || unit.page() == range[0] - 1)) {
                range[0] = Math.min(range[0], unit.page());
                range[1] = Math.max(range[1], unit.page());
                continue;
            }
            String key = unit.page() > 0 && range == null ? owner + "#pages" : unit.key();
            chosen.put(key, new int[]{unit.firstPage(), unit.lastPage()});
            chosenUnits.put(key, unit);
        }
        List<SectionRef> refs = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (Map.Entry<String, TreeSearch.Unit> e : chosenUnits.entrySet()) {
            TreeSearch.Unit unit = e.getValue();
            int[] range = chosen.get(e.getKey());
            TreeSearch.Unit first = unit.page() > 0 ? new TreeSearch.Unit(unit.doc(), unit.section(), range[0],
                    unit.score(), unit.why()) : unit;
            TreeNode node = TreeSearch.node(first, range[1]);
            SectionRef ref = new SectionRef(unit.doc().card().docId(), unit.doc().card().title(), node);
            refs.add(ref);
            why.add(ref.citation() + (several ? " of \"" + ref.docTitle() + "\"" : "") + ": "
                    + unit.why() + matched(question, node, unit.doc())
                    + String.format(Locale.ROOT, " (score %.2f)", unit.score()));
        }
        return new Selection(refs, "Search over the document index (" + used + " page(s) of " + pageBudget
                + " in budget): " + String.join("; ", why) + ".");
    }

    /**
     * Filings of one company for several years share most of their text, so the passage asked about is found in
     * each of them nearly alike; the one whose cover states the period and form the question names is the one meant.
     */
    private static double prior(IndexedDocument doc, QuestionFacts asked) {
        DocumentFacts facts = DocumentFacts.of(doc.index().docTitle(), doc.index().cover());
        return 1 + PERIOD_PRIOR * facts.period(asked) + FORM_PRIOR * facts.form(asked);
    }

    /** The question's terms the place itself contains, as the analyzer sees them (stems). */
    private static String matched(String question, TreeNode node, IndexedDocument doc) {
        Set<Analyzer> analyzer = Set.of(doc.index().analyzer());
        Set<String> terms = new java.util.LinkedHashSet<>(Queries.terms(question, analyzer));
        StringBuilder own = new StringBuilder(node.title()).append('\n').append(node.text());
        node.children().forEach(c -> own.append('\n').append(c.title()));
        terms.retainAll(Queries.terms(own.toString(), analyzer));
        return terms.isEmpty() ? "" : "; matches " + String.join(", ", terms);
    }

    private static int newPages(TreeSearch.Unit unit, Set<Integer> covered) {
        if (unit.firstPage() <= 0) {
            return covered.add(0) ? 1 : 0;
        }
        int added = 0;
        for (int p = unit.firstPage(); p <= unit.lastPage(); p++) {
            if (!covered.contains(p)) {
                added++;
            }
        }
        return added;
    }
}
