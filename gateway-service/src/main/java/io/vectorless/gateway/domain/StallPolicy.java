package io.vectorless.gateway.domain;

import java.time.Duration;

/** What the watchdog does with a document that made no progress for the stall timeout. */
public final class StallPolicy {
    /** Re-drives before a stalled document is failed. */
    public static final int MAX_REDRIVES = 1;

    public enum Action { REDRIVE, FAIL }

    private StallPolicy() {
    }

    public static Action decide(DocumentRecord doc) {
        return doc.stallRetries() < MAX_REDRIVES ? Action.REDRIVE : Action.FAIL;
    }

    public static String failureReason(DocumentRecord doc, Duration timeout) {
        return "no progress for " + human(timeout) + " in stage " + doc.status().wire();
    }

    static String human(Duration timeout) {
        long seconds = timeout.toSeconds();
        if (seconds >= 60 && seconds % 60 == 0) {
            long minutes = seconds / 60;
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        if (seconds >= 1) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return timeout.toMillis() + " ms";
    }
}
