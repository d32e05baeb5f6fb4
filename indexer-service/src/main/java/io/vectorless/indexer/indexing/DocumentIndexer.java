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
import io.vectorless.schema.parsed.StructureReport;
import io.vectorless.search.IndexInput;
import io.vectorless.core.llm.LlmClient;
import io.vectorless.support.messaging.EventPublisher;
import io.vectorless.core.failure.PermanentFailure;
import io.vectorless.support.messaging.ProcessedEvents;
import io.vectorless.support.metrics.PipelineMeters;
import io.vectorless.support.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final SearchIndexStore searchIndexes;
    private final PipelineMeters meters;

    public DocumentIndexer(ObjectStore objects, NodeStore nodes, EventPublisher publisher, ProcessedEvents processed,
                           TreeBuilder treeBuilder, LlmSummarizer summarizer, LlmClient llm,
                           SearchIndexStore searchIndexes, PipelineMeters meters) {
        this.searchIndexes = searchIndexes;
        this.objects = objects;
        this.nodes = nodes;
        this.publisher = publisher;
        this.processed = processed;
        this.treeBuilder = treeBuilder;
        this.summarizer = summarizer;
        this.llm = llm;
        this.meters = meters.declareStages("tree", "summaries", "store", "parsed_to_indexed");
        meters.pagesCounter("indexed");
    }

    public void index(DocumentParsed event) {
        if (processed.alreadyProcessed(event.eventId())) {
            log.info("document {} v{}: parsed event {} already indexed, skipped", event.documentId(), event.version(),
                    event.eventId());
            return;
        }
        if (isDeleted(event.documentId(), event.version())) {
            log.info("document {} v{} is deleted or superseded, not indexed", event.documentId(), event.version());
            processed.markProcessed(event.eventId());
            return;
        }
        status(event, DocumentStatus.INDEXING, 40);
        ParsedDocument parsed = readParsed(event);
        BuiltTree tree = meters.timeStage("tree", () -> buildTree(parsed, fileName(parsed, event)));
        status(event, DocumentStatus.INDEXING, 45);
        int llmCalls = 0;
        if (!event.quickIndex() && llm.enabled()) {
            BuiltTree quick = tree;
            SummaryOutcome outcome = meters.timeStage("summaries", () -> summarize(quick, event));
            tree = outcome.tree();
            llmCalls = outcome.llmCalls();
        }
        BuiltTree finished = tree;
        long indexBytes = meters.timeStage("store",
                () -> nodes.replaceTree(event.documentId(), event.version(), event.workspaceId(), finished));
        SearchIndexStore.Stored search = searchIndexes.write(event.workspaceId(), event.uploadId(), new IndexInput(event.documentId(),
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
        StructureReport structure = parsed.structure();
        if (structure != null) {
            nodes.attachStructure(event.documentId(), event.version(), tree.root().nodeId(), structure);
        }
        IndexResult result = new IndexResult(tree.docTitle(), tree.rootSummary(), tree.nodeCount(),
                tree.imageCount(), tree.pageCount(), tree.textBytes(), indexBytes, llmCalls, structure,
                event.fileName(), search.objectKey());
        publisher.publish(DocumentStatusChanged.indexed(event.documentId(), event.version(), event.workspaceId(),
                result, SOURCE));
        processed.markProcessed(event.eventId());
        meters.recordStageSince("parsed_to_indexed", event.occurredAt());
        meters.pages("indexed", tree.pageCount());
        log.info("document {} v{} indexed: {} nodes, {} pages, {} images, {} LLM calls; search index {} bytes, "
                        + "language {}; structure {}", event.documentId(), event.version(), tree.nodeCount(),
                tree.pageCount(), tree.imageCount(), llmCalls, search.bytes(), search.language(),
                describe(structure));
        if (structure != null && StructureReport.LOW.equals(structure.confidence())) {
            log.warn("document {} v{}: low confidence in its structure ({}); its sections may not match the "
                    + "document's own", event.documentId(), event.version(), describe(structure));
        }
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
        ParsedDocument parsed;
        try {
            parsed = EventJson.read(json, ParsedDocument.class);
        } catch (EventJson.MalformedEventException e) {
            throw new PermanentFailure("The parsed form of the document is unreadable, so it cannot be indexed: "
                    + firstLine(e.getMessage()), e);
        }
        if (!parsed.belongsTo(event.documentId(), event.version(), event.uploadId())) {
            // never index another upload's content as this document's
            throw new PermanentFailure("The parsed form found for this document belongs to another upload, so it "
                    + "was not indexed; upload the document again.");
        }
        return parsed;
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

    private static String tombstone(long documentId, Integer version) {
        return "deleted:" + documentId + (version == null ? "" : ":" + version);
    }

    static String describe(StructureReport report) {
        if (report == null) {
            return "not reported";
        }
        return report.confidence() + " confidence from " + report.primary() + ", sources " + report.sources()
                + ", agreement " + (report.agreement() == null ? "n/a" : report.agreement())
                + ", coverage " + report.coverage() + (report.notes().isEmpty() ? "" : ", " + report.notes());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }

    /** The title of last resort: the uploaded file's name, which the event carries. */
    private static String fileName(ParsedDocument parsed, DocumentParsed event) {
        if (event.fileName() != null && !event.fileName().isBlank()) {
            return event.fileName();
        }
        return parsed.metadata().get("fileName");
    }
}
