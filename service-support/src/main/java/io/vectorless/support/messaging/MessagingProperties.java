package io.vectorless.support.messaging;

import io.vectorless.schema.event.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** Topic names, partitions and consumer retry policy ({@code vectorless.kafka.*}). */
@ConfigurationProperties("vectorless.kafka")
public record MessagingProperties(
        @DefaultValue TopicNames topics,
        @DefaultValue("12") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue Retry retry,
        @DefaultValue("unknown-service") String serviceName,
        @DefaultValue Membership membership) {

    public record TopicNames(
            @DefaultValue(Topics.DOCUMENT_UPLOADED) String uploaded,
            @DefaultValue(Topics.DOCUMENT_PARSED) String parsed,
            @DefaultValue(Topics.DOCUMENT_STATUS) String status,
            @DefaultValue(Topics.DOCUMENT_DELETED) String deleted,
            @DefaultValue(Topics.DEAD_LETTER_SUFFIX) String deadLetterSuffix,
            @DefaultValue(Topics.DOCUMENT_EDITED) String edited) {
    }

    /**
     * How consumers belong to their groups. {@code instanceId} names this replica for good (e.g. {@code indexer-1},
     * a StatefulSet pod name, or the local stack's fixed name); when set, every listener joins with static
     * membership ({@code group.instance.id = instanceId-listenerId}), so a restarted replica takes its partitions
     * back at once instead of waiting for its former self to time out, and leaves its groups explicitly on a
     * graceful stop. Empty: dynamic membership (a graceful stop leaves the group as Kafka's consumer does). Two
     * running replicas must never share an instance id: the broker would fence one of them.
     *
     * @param sessionTimeout    how long a consumer that stopped heartbeating (a crash) keeps its partitions: 10 s
     *                          instead of Kafka's 45 s, still well above GC pauses on a small machine
     * @param heartbeatInterval a third of that or less; also how soon a polling member learns of a rebalance
     */
    public record Membership(
            @DefaultValue("") String instanceId,
            @DefaultValue("10s") Duration sessionTimeout,
            @DefaultValue("1s") Duration heartbeatInterval) {
    }

    /** Bounded exponential backoff before a record goes to the dead-letter topic. */
    public record Retry(
            @DefaultValue("3") int attempts,
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("5s") Duration maxInterval) {
    }
}
