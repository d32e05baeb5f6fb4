package io.vectorless.gateway.documents;

import io.vectorless.gateway.ragindex.RagIndexSync;

import io.vectorless.gateway.config.GatewayProperties;
import io.vectorless.gateway.config.HealingProperties;
import io.vectorless.gateway.config.Periodic;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.domain.StallPolicy;
import io.vectorless.gateway.documents.storage.DocumentStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.store.ObjectKeys;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Makes sure no document stays in a non-final status forever: a document whose status has not changed for the
 * stall timeout is sent through the pipeline once more, and failed with a reason if it stalls again. A document
 * that is only waiting its turn is not stalled: while its stage's queue (or the status projection) has not got
 * past its partition, it is left alone, up to {@code maxQueueWait}; and when the broker cannot be asked, nothing is
 * judged at all; nor is a document whose event is still in the outbox, however long Kafka was away. Updates are compare-and-set, so several gateway replicas running this at once act on a document
 * only once.
 */
@Component
public class StallWatchdog {
    private static final Logger log = LoggerFactory.getLogger(StallWatchdog.class);

    private final DocumentStore docs;
    private final DocumentService documents;
    private final RagIndexSync ragSync;
    private final Duration timeout;
    private final Duration interval;
    private final Duration maxQueueWait;
    private final PipelineQueues queues;
    private final MeterRegistry meters;
    private Periodic periodic;

    public StallWatchdog(DocumentStore docs, DocumentService documents, RagIndexSync ragSync,
                         GatewayProperties properties, HealingProperties healing, PipelineQueues queues,
                         MeterRegistry meters) {
        this.meters = meters;
        this.queues = queues;
        this.maxQueueWait = healing.maxQueueWait();
        this.docs = docs;
        this.documents = documents;
        this.ragSync = ragSync;
        this.timeout = properties.stallTimeout();
        this.interval = properties.watchdogInterval();
    }

    @PostConstruct
    void start() {
        periodic = Periodic.start("stall-watchdog", interval, interval, () -> sweep(Instant.now()));
    }

    @PreDestroy
    void stop() {
        periodic.close();
    }

    /** One pass over stalled documents. */
    public void sweep(Instant now) {
        Instant cutoff = now.minus(timeout);
        List<DocumentRecord> candidates = docs.findStalled(cutoff);
        if (candidates.isEmpty()) {
            return;
        }
        Optional<PipelineQueues.Snapshot> queued = queues.snapshot();
        if (queued.isEmpty()) {
            return;
        }
        Instant waitedTooLong = now.minus(maxQueueWait);
        for (DocumentRecord stalled : candidates) {
            if (stalled.outbox() != null) {
                // Kafka has not taken this run's event yet: the outbox publishes it when Kafka answers again, and
                // however long the outage, the document is waiting for that, not stalled in a stage.
                meters.counter("vectorless.gateway.stalls", "action", "waiting_for_kafka").increment();
                continue;
            }
            if (queued.get().waiting(stalled.id(), stalled.status())
                    && stalled.statusChangedAt().isAfter(waitedTooLong)) {
                log.debug("document {} v{} is waiting in the queue for {}", stalled.id(), stalled.version(),
                        stalled.status().wire());
                meters.counter("vectorless.gateway.stalls", "action", "waiting").increment();
                continue;
            }
            if (StallPolicy.decide(stalled) == StallPolicy.Action.REDRIVE) {
                docs.update(stalled.id(), d -> stillStalled(d, stalled, cutoff)
                                ? d.newRun(d.version(), now).withStallRetries(d.stallRetries() + 1) : null)
                        .ifPresent(change -> {
                            log.warn("document {} v{} made no progress in {} for {}: sending it through again",
                                    stalled.id(), stalled.version(), stalled.status().wire(), timeout);
                            meters.counter("vectorless.gateway.stalls", "action", "redrive").increment();
                            ragSync.refresh(change.after());
                            documents.startRun(change.after(), ObjectKeys.original(stalled.workspaceId(),
                                    stalled.id(), stalled.version()));
                        });
            } else {
                String reason = StallPolicy.failureReason(stalled, timeout);
                docs.update(stalled.id(), d -> stillStalled(d, stalled, cutoff)
                                ? d.withStatus(DocumentStatus.FAILED, d.progress(), reason, now, null) : null)
                        .ifPresent(change -> {
                            log.warn("document {} v{} failed: {}", stalled.id(), stalled.version(), reason);
                            meters.counter("vectorless.gateway.stalls", "action", "fail").increment();
                            ragSync.refresh(change.after());
                        });
            }
        }
    }

    private static boolean stillStalled(DocumentRecord current, DocumentRecord seen, Instant cutoff) {
        return current.version() == seen.version() && !current.status().isFinal()
                && current.statusChangedAt() != null && current.statusChangedAt().isBefore(cutoff);
    }
}
