package io.vectorless.ingest.ingestion;

import io.vectorless.ingest.parse.DocumentParser;
import io.vectorless.ingest.parse.ImageSink;
import io.vectorless.ingest.parse.SourceFile;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentParsed;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.schema.event.DocumentUploaded;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.support.messaging.EventPublisher;
import io.vectorless.support.messaging.MessagingProperties;
import io.vectorless.core.failure.PermanentFailure;
import io.vectorless.support.metrics.PipelineMeters;
import io.vectorless.support.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The ingest stage: original in object storage in, parsed document (claim check) and {@code DocumentParsed} out,
 * with {@code parsing}/{@code parsed} statuses on the way. Failures propagate to the shared consumer error handler,
 * which retries transient ones and marks the document {@code failed} with the reason.
 */
@Service
public class DocumentIngestion {
    private static final Logger log = LoggerFactory.getLogger(DocumentIngestion.class);
    static final double PARSING_PROGRESS = 5.0;
    static final double PARSED_PROGRESS = 30.0;

    private final DocumentParser parser;
    private final ObjectStore store;
    private final EventPublisher publisher;
    private final String source;
    private final PipelineMeters meters;

    public DocumentIngestion(DocumentParser parser, ObjectStore store, EventPublisher publisher,
                             MessagingProperties messaging, PipelineMeters meters) {
        this.parser = parser;
        this.store = store;
        this.publisher = publisher;
        this.source = messaging.serviceName();
        this.meters = meters.declareStages("parse");
        meters.pagesCounter("parsed");
    }

    public void ingest(DocumentUploaded uploaded) {
        long ws = uploaded.workspaceId();
        long documentId = uploaded.documentId();
        int version = uploaded.version();
        String uploadId = uploaded.uploadId();
        String parsedKey = ObjectKeys.parsed(ws, documentId, version, uploadId);
        if (!store.list(ObjectKeys.versionPrefix(ws, documentId, version + 1)).isEmpty()) {
            // a replacement was uploaded meanwhile: this version would be superseded as soon as it was indexed
            log.info("document {} v{} skipped: version {} is already uploaded", documentId, version, version + 1);
            return;
        }
        if (store.exists(parsedKey)) {
            // a redelivery after the parsed document was written: the indexer may not have heard of it yet. Only a
            // parsed form made from this very upload is announced; anything else under the key is parsed anew.
            ParsedDocument existing = readExisting(parsedKey);
            if (existing != null && existing.belongsTo(documentId, version, uploadId)) {
                publishParsed(uploaded, parsedKey, existing);
                log.info("document {} v{} was already parsed; announced it again", documentId, version);
                return;
            }
            log.warn("document {} v{}: the parsed form found under {} is not from this upload; parsing again",
                    documentId, version, parsedKey);
        }
        publisher.publish(DocumentStatusChanged.progress(documentId, version, ws, DocumentStatus.PARSING,
                PARSING_PROGRESS, source));
        String originalKey = uploaded.objectKey() == null || uploaded.objectKey().isBlank()
                ? ObjectKeys.original(ws, documentId, version, uploadId) : uploaded.objectKey();
        if (!store.exists(originalKey)) {
            throw new PermanentFailure("the uploaded file is missing from storage; upload it again");
        }
        byte[] original = store.getBytes(originalKey);
        if (!UploadCheck.matches(original, uploaded.fileHash())) {
            throw new PermanentFailure("the stored file is not the one that was uploaded; upload it again");
        }
        SourceFile file = new SourceFile(ws, documentId, version, uploaded.fileName(), uploaded.contentType());
        ImageSink images = (page, index, extension, mediaType, bytes) -> {
            String key = ObjectKeys.image(ws, documentId, version, uploadId, page, index, extension);
            store.put(key, bytes, mediaType);
            return key;
        };
        ParsedDocument parsed;
        try {
            parsed = meters.timeStage("parse",
                    () -> parser.parse(original, file, images, new StageProgress(uploaded, publisher, source)));
        } catch (PermanentFailure failure) {
            store.deletePrefix(ObjectKeys.uploadPrefix(ws, documentId, version, uploadId) + "images/");
            throw failure;
        }
        parsed = parsed.withUploadId(uploadId);
        store.put(parsedKey, EventJson.writeBytes(parsed), "application/json");
        publisher.publish(DocumentStatusChanged.progress(documentId, version, ws, DocumentStatus.PARSED,
                PARSED_PROGRESS, source));
        publishParsed(uploaded, parsedKey, parsed);
        meters.pages("parsed", parsed.pageCount());
        log.info("document {} v{} parsed: {} {} pages, {} blocks, {} images, structure from {}", documentId, version,
                parsed.format(), parsed.pageCount(), parsed.blocks().size(), parsed.images().size(),
                parsed.structureSource());
    }

    private void publishParsed(DocumentUploaded uploaded, String parsedKey, ParsedDocument parsed) {
        publisher.publish(DocumentParsed.of(uploaded, parsedKey, parsed.format(), parsed.pageCount(),
                parsed.textBytes(), parsed.title()));
    }

    /** The parsed form stored under {@code key}, or {@code null} when it is unreadable. */
    private ParsedDocument readExisting(String key) {
        try {
            return EventJson.read(store.getBytes(key), ParsedDocument.class);
        } catch (EventJson.MalformedEventException unreadable) {
            return null;
        }
    }

    /** Removes what ingest wrote; originals belong to the gateway and stay. */
    public void delete(DocumentDeleted deleted) {
        long ws = deleted.workspaceId();
        long documentId = deleted.documentId();
        int removed = 0;
        if (deleted.wholeDocument()) {
            for (String key : store.list(ObjectKeys.documentPrefix(ws, documentId))) {
                if (!ObjectKeys.isOriginal(key)) {
                    store.delete(key);
                    removed++;
                }
            }
        } else {
            for (String key : store.list(ObjectKeys.versionPrefix(ws, documentId, deleted.version()))) {
                if (!ObjectKeys.isOriginal(key)) {
                    store.delete(key);
                    removed++;
                }
            }
        }
        log.info("document {} {}: removed {} parsed objects", documentId,
                deleted.wholeDocument() ? "deleted" : "v" + deleted.version() + " superseded", removed);
    }
}
