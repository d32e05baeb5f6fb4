package io.vectorless.indexer.indexing;

import io.vectorless.indexer.search.PageTexts;
import io.vectorless.indexer.storage.NodeStore;
import io.vectorless.indexer.storage.SearchIndexStore;
import io.vectorless.indexer.summary.LlmSummarizer;
import io.vectorless.indexer.summary.SummaryOutcome;
import io.vectorless.indexer.tree.BuiltTree;
import io.vectorless.indexer.tree.TreeBuilder;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentParsed;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.schema.event.IndexResult;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.store.StoreFields;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.search.IndexInput;
import io.vectorless.support.llm.LlmClient;
import io.vectorless.support.messaging.EventPublisher;
import io.vectorless.support.messaging.PermanentFailure;
import io.vectorless.support.messaging.ProcessedEvents;
import io.vectorless.support.storage.ObjectStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Indexes one parsed document: reads the claim-checked parsed JSON, builds the tree, writes summaries (LLM unless
 * quick_index or none is configured), stores the nodes and the version's search index, and announces {@code indexed}.
 * Each step reports its stage.
 */
@Service
public class DocumentIndexer {
    static final String SOURCE = "indexer-service";
    private static final Logger log = LoggerFactory.getLogger(DocumentIndexer.class);

    private final ObjectStore objects;
    private final NodeStore nodes;
    private final EventPublisher publisher;
    private final ProcessedEvents processed;
    private final TreeBuilder treeBuilder;
    private final LlmSummarizer summarizer;
    private final LlmClient llm;
    private final MongoTemplate mongo;
    private final SearchIndexStore searchIndexes;

    public DocumentIndexer(ObjectStore objects, NodeStore nodes, EventPublisher publisher, ProcessedEvents processed,
                           TreeBuilder treeBuilder, LlmSummarizer summarizer, LlmClient llm, MongoTemplate mongo,
                           SearchIndexStore searchIndexes) {
        this.searchIndexes = searchIndexes;
        this.objects = objects;
        this.nodes = nodes;
        this.publisher = publisher;
        this.processed = processed;
        this.treeBuilder = treeBuilder;
        this.summarizer = summarizer;
        this.llm = llm;
        this.mongo = mongo;
    }

    public void index(DocumentParsed event) {
        if (processed.alreadyProcessed(event.eventId())) {
            log.info("document {} v{}: parsed event {} already indexed, skipped", event.documentId(), event.version(),
                    event.eventId());
            return;
        }
        Document record = documentRecord(event.documentId());
        if (isDeleted(event.documentId(), event.version()) || isSuperseded(record, event)) {
            log.info("document {} v{} is deleted or superseded, not indexed", event.documentId(), event.version());
            processed.markProcessed(event.eventId());
            return;
        }
        status(event, DocumentStatus.INDEXING, 40);
        ParsedDocument parsed = readParsed(event);
        BuiltTree tree = buildTree(parsed, fileName(parsed, record));
        status(event, DocumentStatus.INDEXING, 45);
        int llmCalls = 0;
        if (!event.quickIndex() && llm.enabled()) {
            SummaryOutcome outcome = summarize(tree, event);
            tree = outcome.tree();
            llmCalls = outcome.llmCalls();
        }
        long indexBytes = nodes.replaceTree(event.documentId(), event.version(), event.workspaceId(), tree);
        SearchIndexStore.Stored search = searchIndexes.write(event.workspaceId(), new IndexInput(event.documentId(),
                event.version(), tree.docTitle(), tree.root(), PageTexts.of(parsed)));
        if (isDeleted(event.documentId(), event.version())) {
            // deletions run on their own listener thread: one may have landed while this version was being indexed
            nodes.deleteVersion(event.documentId(), event.version());
            searchIndexes.deleteVersion(event.documentId(), event.version());
            processed.markProcessed(event.eventId());
            log.info("document {} v{} was deleted while indexing; its nodes are removed", event.documentId(),
                    event.version());
            return;
        }
        IndexResult result = new IndexResult(tree.docTitle(), tree.rootSummary(), tree.nodeCount(),
                tree.imageCount(), tree.pageCount(), tree.textBytes(), indexBytes, llmCalls);
        publisher.publish(DocumentStatusChanged.indexed(event.documentId(), event.version(), event.workspaceId(),
                result, SOURCE));
        processed.markProcessed(event.eventId());
        log.info("document {} v{} indexed: {} nodes, {} pages, {} images, {} LLM calls; search index {} bytes, "
                        + "language {}", event.documentId(), event.version(), tree.nodeCount(), tree.pageCount(),
                tree.imageCount(), llmCalls, search.bytes(), search.language());
    }

    public void delete(DocumentDeleted event) {
        long removed;
        if (event.wholeDocument()) {
            processed.markProcessed(tombstone(event.documentId(), null));
            removed = nodes.deleteDocument(event.documentId());
            searchIndexes.deleteDocument(event.documentId());
        } else {
            processed.markProcessed(tombstone(event.documentId(), event.version()));
            removed = nodes.deleteVersion(event.documentId(), event.version());
            searchIndexes.deleteVersion(event.documentId(), event.version());
        }
        log.info("document {} {}: {} nodes removed", event.documentId(),
                event.wholeDocument() ? "deleted" : "v" + event.version() + " superseded", removed);
    }

    private ParsedDocument readParsed(DocumentParsed event) {
        if (!objects.exists(event.parsedObjectKey())) {
            throw new PermanentFailure("The parsed form of the document is missing from object storage, so it "
                    + "cannot be indexed; upload the document again.");
        }
        byte[] json = objects.getBytes(event.parsedObjectKey());
        try {
            return EventJson.read(json, ParsedDocument.class);
        } catch (EventJson.MalformedEventException e) {
            throw new PermanentFailure("The parsed form of the document is unreadable, so it cannot be indexed: "
                    + firstLine(e.getMessage()), e);
        }
    }

    private BuiltTree buildTree(ParsedDocument parsed, String fileName) {
        BuiltTree tree;
        try {
            tree = treeBuilder.build(parsed, fileName);
        } catch (RuntimeException e) {
            throw new PermanentFailure("The document's sections could not be arranged into a tree: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        if (tree.textBytes() == 0 && tree.imageCount() == 0) {
            throw new PermanentFailure("The document has no text or images to index.");
        }
        return tree;
    }

    private SummaryOutcome summarize(BuiltTree tree, DocumentParsed event) {
        status(event, DocumentStatus.SUMMARIZING, 50);
        ProgressReporter reporter = new ProgressReporter(percent ->
                status(event, DocumentStatus.SUMMARIZING, percent), 50, 95);
        try {
            SummaryOutcome outcome = summarizer.summarize(tree, reporter::report);
            outcome.warnings().forEach(warning -> log.warn("document {} v{}: {}", event.documentId(),
                    event.version(), warning));
            return outcome;
        } catch (RuntimeException e) {
            log.warn("document {} v{}: summarizing failed, quick summaries kept: {}", event.documentId(),
                    event.version(), e.getMessage());
            return new SummaryOutcome(tree, 0, tree.nodeCount() + 1, List.of("summarizing failed: " + e.getMessage()));
        }
    }

    private void status(DocumentParsed event, DocumentStatus status, double progress) {
        publisher.publish(DocumentStatusChanged.progress(event.documentId(), event.version(), event.workspaceId(),
                status, progress, SOURCE));
    }

    private boolean isDeleted(long documentId, int version) {
        return processed.alreadyProcessed(tombstone(documentId, null))
                || processed.alreadyProcessed(tombstone(documentId, version));
    }

    /** The gateway's record of the document, read (never written) for its latest version and file name. */
    private Document documentRecord(long documentId) {
        return mongo.findOne(Query.query(Criteria.where(StoreFields.Document.ID).is(documentId)), Document.class,
                StoreNames.DOCUMENTS);
    }

    /** A newer upload of the document exists (as far as the gateway's record says), so this one is stale. */
    private static boolean isSuperseded(Document record, DocumentParsed event) {
        if (record == null || !(record.get(StoreFields.Document.VERSION) instanceof Number latest)) {
            return false;
        }
        return latest.intValue() > event.version();
    }

    private static String tombstone(long documentId, Integer version) {
        return "deleted:" + documentId + (version == null ? "" : ":" + version);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }

    /** The title of last resort: a file name from the parser's metadata, else the gateway's record. */
    private static String fileName(ParsedDocument parsed, Document record) {
        for (String key : new String[]{"fileName", "file_name", "filename"}) {
            String value = parsed.metadata().get(key);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return record != null && record.get(StoreFields.Document.FILE_NAME) instanceof String name ? name : null;
    }
}
