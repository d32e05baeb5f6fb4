package io.vectorless.query.answer;

import io.vectorless.query.navigate.ContextAssembler;
import io.vectorless.query.navigate.DocumentCard;
import io.vectorless.query.navigate.ExtractiveAnswer;
import io.vectorless.query.navigate.FollowUps;
import io.vectorless.query.navigate.IndexedDocument;
import io.vectorless.query.navigate.LexicalNavigator;
import io.vectorless.query.navigate.Routing;
import io.vectorless.query.navigate.SectionRef;
import io.vectorless.query.navigate.Selection;
import io.vectorless.query.navigate.TreeOutline;
import io.vectorless.query.navigate.Turn;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.search.WorkspaceIndex;
import io.vectorless.core.llm.ChatRequest;
import io.vectorless.core.llm.ChatResult;
import io.vectorless.core.llm.LlmClient;
import io.vectorless.core.llm.LlmException;
import io.vectorless.core.llm.LlmUnavailableException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Answers a question over a workspace: route to documents, search each routed tree, assemble the context, answer
 * with citations. With an LLM that is at most N+2 calls for N routed documents (one routing call, skipped for a
 * single document; one tree search per document, in parallel; one answer call), plus at most one re-ask per
 * unreadable reply. Without an LLM, or when it fails, the lexical navigator and an extractive answer take over and
 * the answer says so. Everything is read from the versions' prebuilt search indexes, never from node texts.
 */
public final class QueryEngine {
    private final QuerySource source;
    private final LlmClient llm;
    private final LexicalNavigator lexical;
    private final LlmNavigator navigator;
    private final ContextAssembler assembler;
    private final ImageLoader images;
    private final ExecutorService searchPool;
    private final int historyTurns;
    private final Map<Long, Workspace> workspaces = new ConcurrentHashMap<>();

    public QueryEngine(QuerySource source, LlmClient llm, Settings settings, ExecutorService searchPool) {
        this.source = source;
        this.llm = llm;
        this.lexical = new LexicalNavigator(settings.maxNodes(), settings.maxDocs(), settings.pageBudget());
        this.navigator = new LlmNavigator(llm, lexical, new TreeOutline(settings.maxOutlineChars()),
                settings.maxDocs(), settings.maxNodes(), settings.routingCandidates());
        this.assembler = new ContextAssembler(settings.maxContextChars(), settings.maxImages());
        this.images = new ImageLoader(source);
        this.searchPool = searchPool;
        this.historyTurns = settings.historyTurns();
    }

    /**
     * The engine's bounds.
     *
     * @param pageBudget pages of context the lexical navigator picks at most (across documents)
     */
    public record Settings(int maxDocs, int maxNodes, int routingCandidates, int maxContextChars, int maxImages,
                           int maxOutlineChars, int historyTurns, int pageBudget) {
    }

    /** @param onDelta receives the answer as it is produced (streamed from the LLM when there is one); may be null */
    public QueryAnswer answer(QueryRequest request, Consumer<String> onDelta) {
        StreamGuard guard = new StreamGuard(onDelta);
        Workspace workspace = workspace(request.workspaceId(), source.answerableDocuments(request.workspaceId()));
        if (workspace.documents().isEmpty()) {
            String text = "There is nothing indexed in this workspace yet: upload a document and ask again once its "
                    + "status is 'indexed'.";
            guard.accept(text);
            return new QueryAnswer(text, List.of(), "No document in this workspace is indexed yet.", "", List.of(),
                    List.of(), "No document is indexed.", QueryAnswer.Mode.NOTHING_INDEXED, 0, 0, estimate(text),
                    List.of());
        }
        List<Turn> history = recent(request.history());
        String searchText = FollowUps.searchText(request.question(), history);
        if (!llm.enabled()) {
            return lexical(request, workspace, searchText, ExtractiveAnswer.NO_LLM_NOTE, QueryAnswer.Mode.LEXICAL,
                    new CallLog(), guard);
        }
        CallLog log = new CallLog();
        try {
            return withLlm(request, workspace, searchText, history, log, guard);
        } catch (LlmUnavailableException | LlmException e) {
            if (guard.started()) {
                // part of the answer is out: the client must learn it broke off, not get a quietly shorter answer
                throw new AnswerInterruptedException(e.getMessage(), e);
            }
            String note = "(The LLM could not be used (" + e.getMessage() + "): this answer is extracted from the "
                    + "best-matching sections.)";
            return lexical(request, workspace, searchText, note, QueryAnswer.Mode.LEXICAL_FALLBACK, log, guard);
        }
    }

    private QueryAnswer withLlm(QueryRequest request, Workspace workspace, String searchText, List<Turn> history,
                                CallLog log, StreamGuard guard) {
        String question = request.question();
        Routing routing = workspace.documents().size() == 1
                ? new Routing(workspace.cards(), "The workspace has one document.")
                : navigator.route(workspace, question, searchText, history, log);
        List<IndexedDocument> docs = routed(workspace, routing);
        List<Future<Selection>> searches = new ArrayList<>();
        for (IndexedDocument doc : docs) {
            searches.add(searchPool.submit(() -> navigator.search(doc, question, searchText, history, log)));
        }
        List<SectionRef> sections = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        try {
            for (int i = 0; i < searches.size(); i++) {
                Selection selection = join(searches.get(i));
                sections.addAll(selection.sections());
                reasons.add(docs.size() > 1 ? docs.get(i).card().title() + ": " + selection.reasoning()
                        : selection.reasoning());
            }
        } catch (RuntimeException e) {
            // the whole question falls back; searches still running would only spend calls nobody reads
            searches.forEach(f -> f.cancel(true));
            throw e;
        }
        Selection selection = new Selection(sections, String.join("\n", reasons));
        ContextAssembler.Assembled assembled = assembler.assemble(selection);
        List<QueryAnswer.Image> loaded = images.load(assembled.images());
        List<String> visionImages = llm.vision()
                ? loaded.stream().map(i -> "data:" + i.mediaType() + ";base64," + i.data()).toList() : List.of();
        ChatRequest call = ChatRequest.of("answer",
                QueryPrompts.answer(question, history, selection.sections(), assembled.context(), visionImages))
                .withTemperature(request.temperature());
        log.attempt();
        guard.prepare(new QueryAnswer("", selection.nodeIds(), selection.reasoning(), assembled.context(), loaded,
                routed(routing), routing.reasoning(), QueryAnswer.Mode.LLM, log.calls(), log.promptTokens(),
                log.completionTokens(), sources(selection)));
        ChatResult result = log.record(guard.streaming() ? llm.stream(call, guard) : llm.chat(call));
        if (!guard.streaming()) {
            guard.accept(result.content());
        }
        return new QueryAnswer(result.content(), selection.nodeIds(), selection.reasoning(), assembled.context(),
                loaded, routed(routing), routing.reasoning(), QueryAnswer.Mode.LLM, log.calls(), log.promptTokens(),
                log.completionTokens(), sources(selection));
    }

    private QueryAnswer lexical(QueryRequest request, Workspace workspace, String searchText, String note,
                                QueryAnswer.Mode mode, CallLog log, Consumer<String> sink) {
        LexicalNavigator.Navigation navigation = lexical.navigate(workspace.index(), workspace.documents(), searchText);
        Routing routing = navigation.routing();
        List<IndexedDocument> docs = routed(workspace, routing);
        Selection selection = navigation.selection();
        ContextAssembler.Assembled assembled = assembler.assemble(selection);
        String text = ExtractiveAnswer.compose(searchText, selection, note,
                ExtractiveAnswer.terms(docs.stream().map(d -> d.index().analyzer()).toList()));
        sink.accept(text);
        return new QueryAnswer(text, selection.nodeIds(), selection.reasoning(), assembled.context(),
                images.load(assembled.images()), routed(routing), routing.reasoning(), mode, log.calls(),
                log.promptTokens() + estimate(request.question() + assembled.context()),
                log.completionTokens() + estimate(text), sources(selection));
    }

    /**
     * The workspace's documents with their indexes, and the workspace index over them: rebuilt only when the set
     * of opened indexes changed (a version indexed, replaced or deleted), which costs milliseconds.
     */
    private Workspace workspace(long workspaceId, List<DocumentCard> cards) {
        List<IndexedDocument> docs = new ArrayList<>();
        for (DocumentCard card : cards) {
            source.index(card).ifPresent(index -> docs.add(new IndexedDocument(describe(card, index), index)));
        }
        Workspace cached = workspaces.get(workspaceId);
        if (cached != null && sameIndexes(cached.documents(), docs)) {
            return new Workspace(docs, cached.index());
        }
        Workspace fresh = new Workspace(docs, new WorkspaceIndex(docs.stream().map(IndexedDocument::index).toList()));
        workspaces.put(workspaceId, fresh);
        return fresh;
    }

    private static DocumentCard describe(DocumentCard card, DocumentSearchIndex index) {
        String overview = card.rootSummary().isBlank() ? index.overview() : card.rootSummary();
        return new DocumentCard(card.docId(), card.version(), card.title(), overview, index.sectionTitles());
    }

    private static boolean sameIndexes(List<IndexedDocument> a, List<IndexedDocument> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).index() != b.get(i).index()) {
                return false;
            }
        }
        return true;
    }

    private static List<IndexedDocument> routed(Workspace workspace, Routing routing) {
        List<IndexedDocument> out = new ArrayList<>();
        for (DocumentCard card : routing.documents()) {
            workspace.documents().stream().filter(d -> d.card().docId() == card.docId()).findFirst()
                    .ifPresent(out::add);
        }
        return out;
    }

    private static List<QueryAnswer.Source> sources(Selection selection) {
        return selection.sections().stream().map(s -> new QueryAnswer.Source(s.docId(), s.docTitle(),
                s.node().nodeId(), s.node().title(), s.node().pages())).toList();
    }

    private List<Turn> recent(List<Turn> history) {
        return history.size() <= historyTurns ? history : history.subList(history.size() - historyTurns, history.size());
    }

    private static List<QueryAnswer.RoutedDoc> routed(Routing routing) {
        return routing.documents().stream().map(d -> new QueryAnswer.RoutedDoc(d.docId(), d.title())).toList();
    }

    private static Selection join(Future<Selection> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted while searching the documents", 0, false, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    static int estimate(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }
}
