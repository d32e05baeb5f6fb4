package io.vectorless.support.messaging;

import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentEdited;
import io.vectorless.schema.event.DocumentEvent;
import io.vectorless.schema.event.DocumentParsed;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.schema.event.DocumentUploaded;
import io.vectorless.schema.event.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes document events: key = document id, JSON value written by {@link EventJson}, the event type in the
 * {@value Topics#EVENT_TYPE_HEADER} header. Sends are confirmed before returning, so a caller never believes an
 * event went out when it did not.
 */
public class EventPublisher {
    private final KafkaTemplate<String, String> template;
    private final MessagingProperties.TopicNames topics;

    public EventPublisher(KafkaTemplate<String, String> template, MessagingProperties properties) {
        this.template = template;
        this.topics = properties.topics();
    }

    public void publish(DocumentEvent event) {
        publish(event, Duration.ofSeconds(30));
    }

    /** Publishes and waits up to {@code timeout} for the broker's acknowledgement (all in-sync replicas). */
    public void publish(DocumentEvent event, Duration timeout) {
        try {
            send(event).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + event.getClass().getSimpleName(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new IllegalStateException("Kafka did not take " + event.getClass().getSimpleName() + " for document "
                    + event.documentId() + ": " + describe(e, timeout), e);
        }
    }

    /**
     * Sends without waiting: the future completes when the broker acknowledged the event. Sending may still block
     * for up to the producer's {@code max.block.ms} while the broker is unreachable.
     */
    public CompletableFuture<?> send(DocumentEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topicOf(event), event.key(), EventJson.write(event));
        record.headers().add(Topics.EVENT_TYPE_HEADER,
                event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        return template.send(record);
    }

    /** A reason a person can read: never "null", never a bare exception class. */
    static String describe(Throwable failure, Duration timeout) {
        if (failure instanceof TimeoutException) {
            return "no answer from the broker within " + timeout.toSeconds() + " s";
        }
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "the broker is unreachable (" + cause.getClass().getSimpleName() + ")";
        }
        return message;
    }

    public String topicOf(DocumentEvent event) {
        if (event instanceof DocumentUploaded) {
            return topics.uploaded();
        }
        if (event instanceof DocumentParsed) {
            return topics.parsed();
        }
        if (event instanceof DocumentStatusChanged) {
            return topics.status();
        }
        if (event instanceof DocumentDeleted) {
            return topics.deleted();
        }
        if (event instanceof DocumentEdited) {
            return topics.edited();
        }
        throw new IllegalArgumentException("no topic for " + event.getClass().getName());
    }
}
