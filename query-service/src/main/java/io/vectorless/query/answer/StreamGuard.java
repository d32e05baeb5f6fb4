package io.vectorless.query.answer;

import java.util.function.Consumer;

/**
 * Passes answer deltas on while remembering what was sent: once part of an answer has reached the client, a
 * failure can only append a note to it, not start over with another answer.
 */
final class StreamGuard implements Consumer<String> {
    private final Consumer<String> sink;
    private final boolean streaming;
    private final StringBuilder sent = new StringBuilder();
    private QueryAnswer pending;

    StreamGuard(Consumer<String> sink) {
        this.sink = sink == null ? s -> { } : sink;
        this.streaming = sink != null;
    }

    boolean streaming() {
        return streaming;
    }

    @Override
    public void accept(String delta) {
        sent.append(delta);
        sink.accept(delta);
    }

    boolean started() {
        return !sent.isEmpty();
    }

    /** Everything but the answer text, for when the answer breaks off half-way. */
    void prepare(QueryAnswer withoutText) {
        this.pending = withoutText;
    }

    QueryAnswer partial() {
        return pending.withAnswer(sent.toString());
    }
}
