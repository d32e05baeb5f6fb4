package io.vectorless.gateway.documents;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vectorless.gateway.config.GatewayProperties;
import io.vectorless.gateway.config.HealingProperties;
import io.vectorless.gateway.storage.DocumentStore;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.schema.event.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watchdog against the real stores and broker, with a one-second stall timeout. No ingest runs in these tests,
 * so an upload's event stays in the queue until a test moves the ingest group's offsets past it.
 */
class ScheduledWatchdogTest extends GatewayTestBase {
    private static final Duration STALL = Duration.ofSeconds(1);

    @Autowired
    DocumentStore docs;
    @Autowired
    DocumentService documents;
    @Autowired
    RagIndexSync ragSync;
    @Autowired
    PipelineQueues queues;
    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void documentWaitingInTheQueueIsNotStalledHoweverLongTheBacklog() {
        long ws = workspace();
        long id = uploadText(ws, 600).get("id").asLong();
        StallWatchdog watchdog = watchdog(Duration.ofHours(6));

        watchdog.sweep(Instant.now().plus(Duration.ofHours(1)));

        assertThat(http.get("/api/documents/" + id).json().get("status").asText()).isEqualTo("queued");
        assertThat(tap.uploaded(id)).hasSize(1);
    }

    @Test
    void documentIsRedrivenOnceItsQueueHasMovedPastItWithoutProgress() throws Exception {
        long ws = workspace();
        long id = uploadText(ws, 600).get("id").asLong();
        ingestCommitsEverything();

        watchdog(Duration.ofHours(6)).sweep(Instant.now().plus(Duration.ofMinutes(1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> tap.uploaded(id).size() == 2);
        assertThat(docs.find(id).orElseThrow().stallRetries()).isEqualTo(1);
    }

    @Test
    void documentWhoseEventKafkaHasNotTakenIsNeverRedrivenOrFailedHoweverLongTheOutage() throws Exception {
        long ws = workspace();
        long id = uploadText(ws, 600).get("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> !tap.uploaded(id).isEmpty());
        ingestCommitsEverything();
        // as if the broker had gone away before it took this run's event: the event waits in the outbox
        String pending = UploadOutbox.entry(tap.uploaded(id).get(0));
        docs.update(id, d -> d.withOutbox(pending)).orElseThrow();

        watchdog(STALL).sweep(Instant.now().plus(Duration.ofHours(3)));

        assertThat(docs.find(id).orElseThrow().stallRetries()).isZero();
        assertThat(http.get("/api/documents/" + id).json().get("status").asText()).isEqualTo("queued");
    }

    @Test
    void documentWaitingLongerThanTheCeilingIsRedrivenThenFailedWithoutAnyoneAsking() {
        long ws = workspace();
        long id = uploadText(ws, 600).get("id").asLong();
        StallWatchdog watchdog = watchdog(STALL);
        watchdog.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> tap.uploaded(id).size() >= 2);
            JsonNode failed = awaitDocument(id, d -> d.get("status").asText().equals("failed"));
            assertThat(failed.get("error").asText()).isEqualTo("no progress for 1 second in stage queued");
            assertThat(tap.uploaded(id)).hasSize(2);
        } finally {
            watchdog.stop();
        }
    }

    private StallWatchdog watchdog(Duration maxQueueWait) {
        GatewayProperties fast = new GatewayProperties("http://127.0.0.1:1", Duration.ofSeconds(1), 1,
                STALL, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(1),
                Duration.ofMillis(100), new GatewayProperties.Cors(List.of("*")));
        HealingProperties healing = new HealingProperties(false, Duration.ofHours(1), maxQueueWait,
                "ingest-service", "indexer-service", Duration.ZERO, Duration.ofHours(1));
        return new StallWatchdog(docs, documents, ragSync, fast, healing, queues, new SimpleMeterRegistry());
    }

    /** As if an ingest service had handled every upload so far (and its work had been lost). */
    private void ingestCommitsEverything() throws Exception {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            int partitions = admin.describeTopics(List.of(Topics.DOCUMENT_UPLOADED)).allTopicNames().get()
                    .get(Topics.DOCUMENT_UPLOADED).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(Topics.DOCUMENT_UPLOADED, p), OffsetSpec.latest());
            }
            Map<TopicPartition, OffsetAndMetadata> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
            admin.alterConsumerGroupOffsets("ingest-service", ends).all().get();
        }
    }
}
