package io.vectorless.ingest.ingestion;

import io.vectorless.ingest.parse.ParseProgress;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.schema.event.DocumentUploaded;
import io.vectorless.support.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Long steps inside parsing (OCR of a scan) move the document's progress between {@code parsing} (5%) and
 * {@code parsed} (30%) by pages done, with the step named in the event's {@code stage}. The document's status
 * stays {@code parsing}, so every client that knows the status values keeps working. At most one event a
 * second, plus the last.
 */
final class StageProgress implements ParseProgress {
    private static final Logger log = LoggerFactory.getLogger(StageProgress.class);
    private static final double FROM = DocumentIngestion.PARSING_PROGRESS;
    private static final double SPAN = 20.0;
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final DocumentUploaded uploaded;
    private final EventPublisher publisher;
    private final String source;
    private long lastSent;

    StageProgress(DocumentUploaded uploaded, EventPublisher publisher, String source) {
        this.uploaded = uploaded;
        this.publisher = publisher;
        this.source = source;
    }

    @Override
    public void update(String stage, int done, int total, double perSecond) {
        long now = System.nanoTime();
        if (done < total && done > 0 && now - lastSent < INTERVAL_NANOS) {
            return;
        }
        lastSent = now;
        double progress = FROM + SPAN * done / Math.max(1, total);
        publisher.publish(DocumentStatusChanged.progress(uploaded.documentId(), uploaded.version(),
                uploaded.workspaceId(), DocumentStatus.PARSING, Math.round(progress * 10) / 10.0, stage, source));
        if (done == total || done % 10 == 0) {
            log.info("document {} {}: {} of {} pages, {} pages/s", uploaded.documentId(), stage, done, total,
                    String.format(Locale.ROOT, "%.2f", perSecond));
        }
    }
}
