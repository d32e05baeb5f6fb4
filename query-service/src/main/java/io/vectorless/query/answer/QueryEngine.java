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
import io.vectorless.support.llm.ChatRequest;
import io.vectorless.support.llm.ChatResult;
import io.vectorless.support.llm.LlmClient;
import io.vectorless.support.llm.LlmException;
import io.vectorless.support.llm.LlmUnavailableException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Answers a question over a workspace: route to documents, search each routed tree, assemble the context, answer
 * with citations. With an LLM that is at most N+2 calls for N routed documents (one routing call, skipped for a
 * single document; one tree search per document, in parallel; one answer call), plus at most one re-ask per
 * unreadable reply. Without an LLM, or when it fails, the lexical navigator and an extractive answer take over and
 * the answer says so.
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

    public QueryEngine(QuerySource source, LlmClient llm, Settings settings, ExecutorService searchPool) {
        this.source = source;
        this.llm = llm;
        this.lexical = new LexicalNavigator(settings.maxNodes(), settings.maxDocs());
        this.navigator = new LlmNavigator(llm, lexical, new TreeOutline(settings.maxOutlineChars()),
                settings.maxDocs(), settings.maxNodes(), settings.routingCandidates());
        this.assembler = new ContextAssembler(settings.maxContextChars(), settings.maxImages());
        this.images = new ImageLoader(source);
        this.searchPool = searchPool;
        this.historyTurns = settings.historyTurns();
    }

    /** The engine's bounds. */
    public record Settings(int maxDocs, int maxNodes, int routingCandidates, int maxContextChars, int maxImages,
                           int maxOutlineChars, int historyTurns) {
    }

    /** @param onDelta receives the answer as it is produced (streamed from the LLM when there is one); may be null */
    public QueryAnswer answer(QueryRequest request, Consumer<String> onDelta) {
        StreamGuard guard = new StreamGuard(onDelta);
        List<DocumentCard> cards = source.answerableDocuments(request.workspaceId());
        if (cards.isEmpty()) {
            String text = "There is nothing indexed in this workspace yet: upload a document and ask again once its "
                    + "status is 'indexed'.";
            guard.accept(text);
            return new QueryAnswer(text, List.of(), "No document in this workspace is indexed yet.", "", List.of(),
                    List.of(), "No document is indexed.", QueryAnswer.Mode.NOTHING_INDEXED, 0, 0, estimate(text));
        }
        List<Turn> history = recent(request.history());
        String searchText = FollowUps.searchText(request.question(), history);
        if (!llm.enabled()) {
            return lexical(request, cards, searchText, ExtractiveAnswer.NO_LLM_NOTE, QueryAnswer.Mode.LEXICAL,
                    new CallLog(), guard);
        }
        CallLog log = new CallLog();
        try {
            return withLlm(request, cards, searchText, history, log, guard);
        } catch (LlmUnavailableException | LlmException e) {
            if (guard.started()) {
                guard.accept("\n\n(The answer was cut off: " + e.getMessage() + ".)");
                return guard.partial();
            }
            String note = "(The LLM could not be used (" + e.getMessage() + "): this answer is extracted from the "
                    + "best-matching sections.)";
            return lexical(request, cards, searchText, note, QueryAnswer.Mode.LEXICAL_FALLBACK, log, guard);
        }
    }

    private QueryAnswer withLlm(QueryRequest request, List<DocumentCard> cards, String searchText, List<Turn> history,
                                CallLog log, StreamGuard guard) {
        String question = request.question();
        Routing routing = cards.size() == 1
                ? new Routing(cards, "The workspace has one document.")
                : navigator.route(cards, question, searchText, history, log);
        List<IndexedDocument> docs = load(routing.documents());
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
                log.completionTokens()));
        ChatResult result = log.record(guard.streaming() ? llm.stream(call, guard) : llm.chat(call));
        if (!guard.streaming()) {
            guard.accept(result.content());
        }
        return new QueryAnswer(result.content(), selection.nodeIds(), selection.reasoning(), assembled.context(),
                loaded, routed(routing), routing.reasoning(), QueryAnswer.Mode.LLM, log.calls(), log.promptTokens(),
                log.completionTokens());
    }

    private QueryAnswer lexical(QueryRequest request, List<DocumentCard> cards, String searchText, String note,
                                QueryAnswer.Mode mode, CallLog log, Consumer<String> sink) {
        Routing routing = lexical.route(cards, searchText);
        Selection selection = lexical.select(load(routing.documents()), searchText);
        ContextAssembler.Assembled assembled = assembler.assemble(selection);
        String text = ExtractiveAnswer.compose(searchText, selection, note);
        sink.accept(text);
        return new QueryAnswer(text, selection.nodeIds(), selection.reasoning(), assembled.context(),
                images.load(assembled.images()), routed(routing), routing.reasoning(), mode, log.calls(),
                log.promptTokens() + estimate(request.question() + assembled.context()),
                log.completionTokens() + estimate(text));
    }

    private List<IndexedDocument> load(List<DocumentCard> cards) {
        List<IndexedDocument> out = new ArrayList<>();
        for (DocumentCard card : cards) {
            source.tree(card).ifPresent(root -> out.add(new IndexedDocument(card, root)));
        }
        return out;
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
