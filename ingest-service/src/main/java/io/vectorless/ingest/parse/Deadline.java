package io.vectorless.ingest.parse;

import io.vectorless.core.failure.PermanentFailure;

import java.time.Duration;

/**
 * The time budget of one parse, checked between pages and paragraphs. The worker thread is also interrupted on
 * timeout, but PDFBox and POI do not always notice an interrupt, so the loops ask too.
 */
final class Deadline {
    private final long endNanos;
    private final Duration budget;

    Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    void check() {
        if (System.nanoTime() - endNanos > 0 || Thread.currentThread().isInterrupted()) {
            throw timedOut(budget);
        }
    }

    /** Time left of the budget (zero once it is spent). */
    Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    static PermanentFailure timedOut(Duration budget) {
        return new PermanentFailure("parsing took longer than the limit of " + budget.toSeconds()
                + " seconds; the document is too large or too complex to process");
    }
}
