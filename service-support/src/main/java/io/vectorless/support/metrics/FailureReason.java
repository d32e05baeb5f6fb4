package io.vectorless.support.metrics;

import io.vectorless.schema.EventJson;
import io.vectorless.core.llm.LlmException;
import io.vectorless.core.failure.PermanentFailure;

import java.util.Locale;

/**
 * Why a document failed, as a small fixed set of categories fit for a metric tag (the human reason, which names the
 * document's own problem, goes to the document's status instead).
 */
public enum FailureReason {
    /** The document itself cannot be processed: corrupt, encrypted, empty, over a limit. */
    UNPROCESSABLE_DOCUMENT,
    /** An event on a topic could not be read. */
    MALFORMED_EVENT,
    TIMEOUT,
    LLM,
    STORAGE,
    DATABASE,
    MESSAGING,
    /** The document made no progress for too long (the gateway's watchdog). */
    STALLED,
    INTERNAL;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FailureReason of(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            FailureReason reason = direct(current);
            if (reason != null) {
                return reason;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return INTERNAL;
    }

    private static FailureReason direct(Throwable failure) {
        String type = failure.getClass().getName();
        if (failure instanceof PermanentFailure) {
            return UNPROCESSABLE_DOCUMENT;
        }
        if (failure instanceof EventJson.MalformedEventException
                || type.endsWith(".DeserializationException")) {
            return MALFORMED_EVENT;
        }
        if (failure instanceof LlmException) {
            return LLM;
        }
        if (type.contains("Timeout")) {
            return TIMEOUT;
        }
        if (type.startsWith("io.minio.")) {
            return STORAGE;
        }
        if (type.startsWith("com.mongodb.") || type.startsWith("org.springframework.dao.")) {
            return DATABASE;
        }
        if (type.startsWith("org.apache.kafka.")) {
            return MESSAGING;
        }
        return null;
    }
}
