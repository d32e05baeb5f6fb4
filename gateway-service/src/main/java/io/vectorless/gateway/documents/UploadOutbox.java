package io.vectorless.gateway.documents;

import io.micrometer.core.instrument.MeterRegistry;
import io.vectorless.gateway.config.OutboxProperties;
import io.vectorless.gateway.config.Periodic;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentEvent;
import io.vectorless.schema.event.DocumentUploaded;
import io.vectorless.support.messaging.EventPublisher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Hands each run's {@code DocumentUploaded} to Kafka. The event is first written into the document record (the
 * outbox, in the same write that queues the run), then published; only Kafka's acknowledgement clears it. An upload
 * whose event Kafka did not take in time stays {@code queued}: a late acknowledgement still clears it, and a sweep
 * publishes whatever is left once Kafka answers again. A document is never failed because Kafka was away.
 */
@Component
public class UploadOutbox {
    private static final Logger log = LoggerFactory.getLogger(UploadOutbox.class);
    private static final int SWEEP_BATCH = 100;

    private final DocumentStore docs;
    private final EventPublisher events;
    private final MeterRegistry meters;
    private final Duration publishTimeout;
    private final Duration interval;
    private Periodic periodic;

    public UploadOutbox(DocumentStore docs, EventPublisher events, MeterRegistry meters,
                        OutboxProperties properties) {
        this.docs = docs;
        this.events = events;
        this.meters = meters;
        this.publishTimeout = properties.publishTimeout();
        this.interval = properties.interval();
    }

    /** The JSON the outbox keeps for {@code event}. */
    static String entry(DocumentUploaded event) {
        return EventJson.write(event);
    }

    /**
     * Publishes the document's pending event and waits up to the publish timeout; returns the document as stored
     * afterwards. Failing to publish is not an error: the event stays in the outbox for the sweep.
     */
    public DocumentRecord publish(DocumentRecord doc) {
        if (doc.outbox() == null) {
            return doc;
        }
        DocumentEvent event = EventJson.readEvent(doc.outbox());
        try {
            var acknowledged = events.send(event);
            acknowledged.whenComplete((result, failure) -> {
                if (failure == null) {
                    clear(doc.id(), event.eventId());
                }
            });
            acknowledged.get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return clear(doc.id(), event.eventId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return doc;
        } catch (Exception e) {
            log.warn("document {} v{} stays queued until Kafka takes its event: {}", doc.id(), doc.version(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            meters.counter("vectorless.gateway.uploads", "outcome", "not_queued").increment();
            return doc;
        }
    }

    /** One pass over pending events older than the publish timeout; stops at the first Kafka refuses. */
    public int sweep(Instant now) {
        int published = 0;
        for (DocumentRecord pending : docs.findUnpublished(now.minus(publishTimeout), SWEEP_BATCH)) {
            DocumentEvent event = EventJson.readEvent(pending.outbox());
            try {
                events.publish(event, publishTimeout);
            } catch (RuntimeException e) {
                log.info("Kafka still does not take events ({} waiting): {}", pending.id(), e.getMessage());
                return published;
            }
            clear(pending.id(), event.eventId());
            published++;
            meters.counter("vectorless.gateway.outbox", "outcome", "republished").increment();
            log.info("document {} v{}: event published from the outbox", pending.id(), pending.version());
        }
        return published;
    }

    private DocumentRecord clear(long id, String eventId) {
        return docs.update(id, d -> d.outbox() != null && eventId.equals(EventJson.readEvent(d.outbox()).eventId())
                        ? d.withOutbox(null) : null)
                .map(DocumentStore.Change::after)
                .or(() -> docs.find(id))
                .orElse(null);
    }

    @PostConstruct
    void start() {
        periodic = Periodic.start("upload-outbox", interval, interval, () -> sweep(Instant.now()));
    }

    @PreDestroy
    void stop() {
        periodic.close();
    }
}
