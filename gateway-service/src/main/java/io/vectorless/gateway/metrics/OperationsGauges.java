package io.vectorless.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.vectorless.gateway.config.Periodic;
import io.vectorless.gateway.messaging.KafkaBacklog;
import io.vectorless.gateway.documents.storage.DocumentStatusCounts;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.support.messaging.MessagingProperties;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gauges an operator watches, refreshed in the background (a scrape never waits on MongoDB or Kafka):
 * {@value #BY_STATUS} (documents per status), {@value #LAG} (records waiting per consumer group and topic),
 * {@value #MEMBERS} (consumers per group) and {@value #DEAD_LETTERS} (records in each dead-letter topic).
 */
@Component
class OperationsGauges {
    static final String BY_STATUS = "vectorless.documents.by.status";
    static final String LAG = "vectorless.kafka.consumer.lag";
    static final String MEMBERS = "vectorless.kafka.consumer.members";
    static final String DEAD_LETTERS = "vectorless.kafka.dlt.records";
    private static final Logger log = LoggerFactory.getLogger(OperationsGauges.class);

    private final DocumentStatusCounts counts;
    private final KafkaBacklog backlog;
    private final String deadLetterSuffix;
    private final Duration interval;
    private final MultiGauge byStatus;
    private final MultiGauge lag;
    private final MultiGauge members;
    private final MultiGauge deadLetters;
    private Periodic periodic;

    OperationsGauges(DocumentStatusCounts counts, KafkaBacklog backlog, MessagingProperties messaging,
                     MeterRegistry registry, @Value("${vectorless.gateway.gauge-interval:15s}") Duration interval) {
        this.counts = counts;
        this.backlog = backlog;
        this.deadLetterSuffix = messaging.topics().deadLetterSuffix();
        this.interval = interval;
        byStatus = MultiGauge.builder(BY_STATUS).description("Documents in each status").register(registry);
        lag = MultiGauge.builder(LAG).description("Records not yet consumed, per consumer group and topic")
                .register(registry);
        members = MultiGauge.builder(MEMBERS).description("Consumers in each consumer group").register(registry);
        deadLetters = MultiGauge.builder(DEAD_LETTERS).description("Records in each dead-letter topic")
                .register(registry);
    }

    @PostConstruct
    void start() {
        periodic = Periodic.start("operations-gauges", Duration.ZERO, interval, this::refresh);
    }

    @PreDestroy
    void stop() {
        periodic.close();
        backlog.close();
    }

    void refresh() {
        try {
            Map<String, Long> statuses = new LinkedHashMap<>();
            for (DocumentStatus status : DocumentStatus.values()) {
                statuses.put(status.wire(), 0L);
            }
            statuses.putAll(counts.byStatus());
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            statuses.forEach((status, count) -> rows.add(MultiGauge.Row.of(Tags.of("status", status), count)));
            byStatus.register(rows, true);
        } catch (RuntimeException e) {
            log.debug("documents by status not refreshed: {}", e.getMessage());
        }
        try {
            KafkaBacklog.Snapshot snapshot = backlog.read(deadLetterSuffix);
            List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
            snapshot.lagByGroupAndTopic().forEach((group, topics) -> topics.forEach((topic, records) ->
                    lagRows.add(MultiGauge.Row.of(Tags.of("group", group, "topic", topic), records))));
            lag.register(lagRows, true);
            List<MultiGauge.Row<?>> memberRows = new ArrayList<>();
            snapshot.membersByGroup().forEach((group, count) ->
                    memberRows.add(MultiGauge.Row.of(Tags.of("group", group), count)));
            members.register(memberRows, true);
            List<MultiGauge.Row<?>> deadRows = new ArrayList<>();
            snapshot.deadLettersByTopic().forEach((topic, records) ->
                    deadRows.add(MultiGauge.Row.of(Tags.of("topic", topic), records)));
            deadLetters.register(deadRows, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Kafka backlog not refreshed: {}", e.getMessage());
        }
    }
}
