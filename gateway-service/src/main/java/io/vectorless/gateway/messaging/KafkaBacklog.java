package io.vectorless.gateway.messaging;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What is waiting in Kafka, read with the admin client: per consumer group and topic the records not yet consumed
 * (end offset minus committed offset, summed over partitions), the members of each group, and the records in each
 * dead-letter topic. The gateway exports these as gauges, so consumer lag and dead letters are on the dashboard
 * without a separate exporter.
 */
@Component
public class KafkaBacklog implements AutoCloseable {
    public record Snapshot(Map<String, Map<String, Long>> lagByGroupAndTopic, Map<String, Integer> membersByGroup,
                           Map<String, Long> deadLettersByTopic) {
    }

    private static final long TIMEOUT_SECONDS = 10;
    private final Admin admin;

    public KafkaBacklog(KafkaAdmin kafkaAdmin) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "gateway-backlog-metrics");
        this.admin = Admin.create(config);
    }

    /** @param deadLetterSuffix names dead-letter topics (e.g. {@code -dlt}) */
    public Snapshot read(String deadLetterSuffix) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> topics = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions = described.values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .toList();
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());

        Map<String, Long> deadLetters = new TreeMap<>();
        for (TopicPartition partition : partitions) {
            if (partition.topic().endsWith(deadLetterSuffix)) {
                deadLetters.merge(partition.topic(), end.get(partition) - start.get(partition), Long::sum);
            }
        }

        Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> groupIds = groups.stream().map(ConsumerGroupListing::groupId).toList();
        Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groupIds).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Integer> members = new TreeMap<>();
        Map<String, Map<String, Long>> lag = new TreeMap<>();
        for (String group : groupIds) {
            members.put(group, descriptions.get(group).members().size());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Set<String> consumed = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
            Map<String, Long> byTopic = new TreeMap<>();
            for (TopicPartition partition : partitions) {
                if (!consumed.contains(partition.topic())) {
                    continue;
                }
                OffsetAndMetadata at = committed.get(partition);
                long from = at == null ? start.get(partition) : at.offset();
                byTopic.merge(partition.topic(), Math.max(0, end.get(partition) - from), Long::sum);
            }
            lag.put(group, byTopic);
        }
        return new Snapshot(lag, members, deadLetters);
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec))).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    @Override
    public void close() {
        admin.close();
    }
}
