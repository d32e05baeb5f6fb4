package io.vectorless.gateway.messaging;

import io.vectorless.gateway.config.HealingProperties;
import io.vectorless.gateway.documents.PipelineQueues;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.support.messaging.MessagingProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reads the queues from the broker: for each stage's topic, the partitions on which its consumer group has not
 * committed up to the end of the log. Offsets are committed only after a record is handled, so such a partition
 * holds a document that is waiting or being worked on. A document's partition follows from its key, as the
 * producer's default partitioner chooses it.
 */
@Component
class KafkaPipelineQueues implements PipelineQueues, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(KafkaPipelineQueues.class);
    private static final int TIMEOUT_MS = 5000;

    private final Map<String, Object> adminConfig;
    private final MessagingProperties.TopicNames topics;
    private final HealingProperties healing;
    private final String gatewayGroup;
    private Admin admin;

    KafkaPipelineQueues(KafkaAdmin kafkaAdmin, MessagingProperties messaging, HealingProperties healing,
                        @Value("${spring.kafka.consumer.group-id:gateway-service}") String gatewayGroup) {
        this.adminConfig = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        this.topics = messaging.topics();
        this.healing = healing;
        this.gatewayGroup = gatewayGroup;
    }

    @Override
    public Optional<Snapshot> snapshot() {
        try {
            Map<String, Integer> partitions = admin().describeTopics(List.of(topics.uploaded(), topics.parsed(),
                            topics.status())).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .values().stream().collect(Collectors.toMap(TopicDescription::name, t -> t.partitions().size()));
            Set<TopicPartition> behind = new HashSet<>();
            behind.addAll(behind(healing.ingestGroup(), topics.uploaded(), partitions.get(topics.uploaded())));
            behind.addAll(behind(healing.indexerGroup(), topics.parsed(), partitions.get(topics.parsed())));
            behind.addAll(behind(gatewayGroup, topics.status(), partitions.get(topics.status())));
            return Optional.of(new Queues(partitions, behind));
        } catch (Exception e) {
            log.warn("cannot read the pipeline's queues from Kafka ({}): no document is judged stalled now",
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** Partitions of {@code topic} where {@code group} has not committed up to the end of the log. */
    private Set<TopicPartition> behind(String group, String topic, int count) throws Exception {
        Map<TopicPartition, Long> ends = offsets(topic, count, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(topic, count, OffsetSpec.earliest());
        Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Set<TopicPartition> behind = new HashSet<>();
        ends.forEach((partition, end) -> {
            OffsetAndMetadata position = committed.get(partition);
            long at = Math.max(starts.getOrDefault(partition, 0L), position == null ? 0 : position.offset());
            if (end > at) {
                behind.add(partition);
            }
        });
        return behind;
    }

    private Map<TopicPartition, Long> offsets(String topic, int count, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < count; p++) {
            request.put(new TopicPartition(topic, p), spec);
        }
        return admin().listOffsets(request).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private final class Queues implements Snapshot {
        private final Map<String, Integer> partitions;
        private final Set<TopicPartition> behind;

        Queues(Map<String, Integer> partitions, Set<TopicPartition> behind) {
            this.partitions = partitions;
            this.behind = behind;
        }

        @Override
        public boolean waiting(long documentId, DocumentStatus status) {
            String stageTopic = switch (status) {
                case QUEUED, PARSING -> topics.uploaded();
                case PARSED, INDEXING, SUMMARIZING -> topics.parsed();
                default -> null;
            };
            return stageTopic != null && (behindOn(stageTopic, documentId) || behindOn(topics.status(), documentId));
        }

        private boolean behindOn(String topic, long documentId) {
            Integer count = partitions.get(topic);
            return count != null && count > 0 && behind.contains(new TopicPartition(topic, partitionOf(documentId, count)));
        }
    }

    /** The partition the producer's default partitioner picks for a document's key. */
    static int partitionOf(long documentId, int partitions) {
        byte[] key = Long.toString(documentId).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
