package io.vectorless.support.messaging;

import io.vectorless.core.failure.PermanentFailure;
import io.vectorless.core.failure.FailureReasons;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentEvent;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vectorless.support.metrics.FailureReason;
import io.vectorless.support.metrics.PipelineMeters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * What happens to a record whose processing failed for good: it goes to the topic's dead-letter topic, and the
 * document it was about is marked {@code failed} with a reason a person can read, so it never stays in a
 * non-final stage and nothing is lost silently.
 */
public class FailedDocumentRecoverer implements ConsumerRecordRecoverer {
    private static final Logger log = LoggerFactory.getLogger(FailedDocumentRecoverer.class);

    private final DeadLetterPublishingRecoverer deadLetters;
    private final EventPublisher publisher;
    private final String serviceName;
    private final PipelineMeters meters;

    public FailedDocumentRecoverer(DeadLetterPublishingRecoverer deadLetters, EventPublisher publisher,
                                   String serviceName) {
        this(deadLetters, publisher, serviceName, new PipelineMeters(new SimpleMeterRegistry()));
    }

    public FailedDocumentRecoverer(DeadLetterPublishingRecoverer deadLetters, EventPublisher publisher,
                                   String serviceName, PipelineMeters meters) {
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        this.serviceName = serviceName;
        this.meters = meters;
        meters.declareFailures(serviceName);
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        deadLetters.accept(record, exception);
        Throwable cause = rootOf(exception);
        meters.deadLetter(record.topic());
        meters.failure(serviceName, FailureReason.of(cause));
        if (!(record.value() instanceof String json)) {
            return;
        }
        DocumentEvent event;
        try {
            event = EventJson.readEvent(json);
        } catch (RuntimeException unreadable) {
            log.error("unreadable record on {} sent to the dead-letter topic: {}", record.topic(), cause.getMessage());
            return;
        }
        if (cause instanceof EventJson.MalformedEventException) {
            log.error("record on {} for document {} is not an event this topic carries; sent to the dead-letter "
                    + "topic: {}", record.topic(), event.documentId(), cause.getMessage());
            return;
        }
        if (event instanceof DocumentStatusChanged) {
            log.error("status event for document {} could not be applied and went to the dead-letter topic: {}",
                    event.documentId(), cause.getMessage());
            return;
        }
        String reason = cause instanceof PermanentFailure
                ? FailureReasons.describe(cause, "the file could not be processed")
                : serviceName + " could not process the document: " + FailureReasons.describe(cause,
                "an unexpected internal error (the service log has the details)");
        log.warn("document {} v{} failed in {}: {}", event.documentId(), event.version(), serviceName, reason);
        try {
            publisher.publish(DocumentStatusChanged.failed(event.documentId(), event.version(), event.workspaceId(),
                    reason, serviceName));
        } catch (RuntimeException e) {
            log.error("could not mark document {} failed; the stall watchdog will: {}", event.documentId(),
                    e.getMessage());
        }
    }

    static Throwable rootOf(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof ListenerExecutionFailedException
                || current.getClass().getName().startsWith("org.springframework.kafka"))
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
