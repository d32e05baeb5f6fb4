package io.vectorless.indexer.indexing;

import java.util.function.DoubleConsumer;

/**
 * Maps work done onto a slice of the document's progress (e.g. 50-95 for summarizing) and passes on only steps of
 * at least five points, so a thousand-node tree does not send a thousand status events. Called from several
 * summarizer threads at once.
 */
final class ProgressReporter {
    private static final double STEP = 5.0;

    private final DoubleConsumer sink;
    private final double from;
    private final double to;
    private double last;

    ProgressReporter(DoubleConsumer sink, double from, double to) {
        this.sink = sink;
        this.from = from;
        this.to = to;
        this.last = from;
    }

    synchronized void report(int done, int total) {
        if (total <= 0) {
            return;
        }
        double percent = Math.floor((from + (to - from) * Math.min(1.0, (double) done / total)) * 10) / 10;
        if (percent - last >= STEP || (done >= total && percent > last)) {
            last = percent;
            sink.accept(percent);
        }
    }
}
