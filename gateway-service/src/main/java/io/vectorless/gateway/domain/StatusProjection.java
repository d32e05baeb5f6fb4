package io.vectorless.gateway.domain;

import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.schema.event.IndexResult;

import java.time.Instant;

/**
 * Folds one {@link DocumentStatusChanged} into a document. The rules make replays and out-of-order deliveries
 * harmless: events for another version or an earlier run are ignored, stages never go backwards within a run,
 * progress only grows, and a final status is left alone except that a late success beats a failure.
 */
public final class StatusProjection {
    private StatusProjection() {
    }

    /**
     * @param updated           the new state, or {@code null} when the event changes nothing
     * @param supersededVersion a formerly live version that the newly indexed one replaces, or 0
     */
    public record Outcome(DocumentRecord updated, int supersededVersion, String reason) {
        static Outcome ignored(String reason) {
            return new Outcome(null, 0, reason);
        }

        public boolean changed() {
            return updated != null;
        }
    }

    public static Outcome apply(DocumentRecord doc, DocumentStatusChanged event, Instant now) {
        if (event.version() != doc.version()) {
            return Outcome.ignored("event for version " + event.version() + ", document is at " + doc.version());
        }
        if (event.eventId() != null && event.eventId().equals(doc.lastEventId())) {
            return Outcome.ignored("already applied");
        }
        if (event.occurredAt() != null && doc.runStartedAt() != null && event.occurredAt().isBefore(doc.runStartedAt())) {
            return Outcome.ignored("event from an earlier run");
        }
        DocumentStatus next = event.status();
        DocumentStatus current = doc.status();
        if (current.isFinal()) {
            boolean lateSuccess = current == DocumentStatus.FAILED && next == DocumentStatus.INDEXED;
            if (!lateSuccess) {
                return Outcome.ignored("document is already " + current.wire());
            }
        } else if (!next.isFinal() && next.ordinal() < current.ordinal()) {
            return Outcome.ignored("stage " + next.wire() + " is behind " + current.wire());
        }
        if (next == DocumentStatus.FAILED) {
            String reason = event.error() == null || event.error().isBlank()
                    ? "processing failed in " + (event.source() == null ? "the pipeline" : event.source())
                    : event.error();
            return new Outcome(doc.withStatus(DocumentStatus.FAILED, doc.progress(), reason, now, event.eventId()),
                    0, null);
        }
        if (next == DocumentStatus.INDEXED) {
            DocumentRecord indexed = doc.withStatus(DocumentStatus.INDEXED, 100.0, null, now, event.eventId());
            IndexResult result = event.result();
            if (result != null) {
                indexed = indexed.withIndexResult(
                        result.docTitle() == null || result.docTitle().isBlank() ? doc.docTitle() : result.docTitle(),
                        result.rootSummary(), result.pageCount(), result.nodeCount(), result.imageCount(),
                        result.textBytes(), result.indexBytes(), event.version());
            } else {
                indexed = indexed.withIndexResult(doc.docTitle(), doc.rootSummary(), orZero(doc.pageCount()),
                        orZero(doc.nodeCount()), orZero(doc.imageCount()), orZero(doc.textBytes()),
                        orZero(doc.indexBytes()), event.version());
            }
            int previous = doc.indexedVersion();
            int superseded = previous > 0 && previous < event.version() ? previous : 0;
            return new Outcome(indexed, superseded, null);
        }
        double progress = Math.max(doc.progress(), clamp(event.progress()));
        if (next == current && progress == doc.progress()) {
            return Outcome.ignored("nothing new");
        }
        return new Outcome(doc.withStatus(next, progress, null, now, event.eventId()), 0, null);
    }

    static double clamp(double progress) {
        if (Double.isNaN(progress)) {
            return 0.0;
        }
        return Math.max(0.0, Math.min(100.0, progress));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
