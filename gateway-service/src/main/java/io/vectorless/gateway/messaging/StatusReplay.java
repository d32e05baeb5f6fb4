package io.vectorless.gateway.messaging;

import io.vectorless.gateway.config.HealingProperties;
import io.vectorless.gateway.documents.StatusProjector;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentEvent;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.support.messaging.MessagingProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the status projection from {@code document.status}: reads the topic from a point in time (or its start)
 * to its current end, outside any consumer group, and folds every status event into its document again. The
 * projection ignores what it already has and never moves a document back, so a replay only repairs what was lost
 * (a projection write that did not survive a crash although its offset was committed). Runs at start-up over
 * {@code replayWindow}, and on demand ({@code POST /actuator/statusreplay}).
 */
@Component
public class StatusReplay {
    private static final Logger log = LoggerFactory.getLogger(StatusReplay.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(500);

    /** What a replay did. */
    public record Result(Instant since, long read, long changed, long unreadable, boolean complete) {
    }

    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final StatusProjector projector;
    private final HealingProperties healing;

    StatusReplay(ConsumerFactory<?, ?> consumers, MessagingProperties messaging, StatusProjector projector,
                 HealingProperties healing) {
        this.consumerConfig = new HashMap<>(consumers.getConfigurationProperties());
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-status-replay");
        this.topic = messaging.topics().status();
        this.projector = projector;
        this.healing = healing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void replayAtStartup() {
        if (!healing.replayOnStartup()) {
            return;
        }
        Thread replay = new Thread(() -> {
            try {
                replay(Instant.now().minus(healing.replayWindow()));
            } catch (RuntimeException e) {
                log.warn("the start-up replay of {} did not run: {}", topic, e.getMessage());
            }
        }, "status-replay");
        replay.setDaemon(true);
        replay.start();
    }

    /** Replays status events written since {@code since} ({@code null}: the whole topic). */
    public Result replay(Instant since) {
        long started = System.nanoTime();
        long read = 0;
        long changed = 0;
        long unreadable = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            seekToStart(consumer, partitions, since);
            Set<TopicPartition> remaining = new HashSet<>(partitions);
            remaining.removeIf(p -> consumer.position(p) >= ends.get(p));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    read++;
                    try {
                        DocumentEvent event = EventJson.readEvent(record.value());
                        if (event instanceof DocumentStatusChanged status && projector.apply(status)) {
                            changed++;
                        }
                    } catch (EventJson.MalformedEventException e) {
                        unreadable++;
                    }
                }
                remaining.removeIf(p -> consumer.position(p) >= ends.get(p));
            }
            Result result = new Result(since, read, changed, unreadable, remaining.isEmpty());
            log.info("replayed {} status events of {} since {} in {} ms: {} documents repaired{}", read, topic,
                    since == null ? "the start" : since, (System.nanoTime() - started) / 1_000_000, changed,
                    result.complete() ? "" : " (stopped before the end: took too long)");
            return result;
        }
    }

    private static void seekToStart(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
                                    Instant since) {
        if (since == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp at = found.get(partition);
            if (at == null) {
                consumer.seekToEnd(List.of(partition)); // nothing written since then
            } else {
                consumer.seek(partition, at.offset());
            }
        }
    }
}
